import { pino } from 'pino';

/** The one logger. Scripts and the server create children with their own bindings. */
export function createLogger(level: string = process.env.LOG_LEVEL || 'info') {
  return pino({ level, base: { app: 'xueqi' } });
}

export type Logger = ReturnType<typeof createLogger>;
