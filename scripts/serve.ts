import { createLogger } from '../services/shared/logger.js';
import { createApp } from '../web/app.js';
import { formatDemoLogins, prepareDemoCity } from './demo-city.js';
import { openConfiguredDatabase, runScript } from './script-runner.js';

runScript('start', async () => {
  const startedAt = Date.now();
  const { config, database } = await openConfiguredDatabase();
  const logger = createLogger(config.logLevel);
  if (config.sessionSecretIsDefault) logger.warn('SESSION_SECRET is not set: using the development secret');
  const { outcome, matching, worker } = await prepareDemoCity(database, logger, { worker: true }).catch(
    async (error: unknown) => {
      await database.close();
      throw error;
    },
  );
  if (outcome.seeded) logger.info({ counts: outcome.counts }, 'seeded the demo city');
  const app = createApp({ config, database, matching, suggestions: worker, logger });
  const url = await app.start();
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    `\nXueQi 学企 is running at ${url}  (database: ${database.driver} ${database.location}, ready in ${seconds} s)\n${formatDemoLogins()}\n`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
});
