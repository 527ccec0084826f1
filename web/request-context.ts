import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../services/shared/logger.js';

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
    }
  }
}

const REQUEST_ID_PATTERN = /^[\w-]{8,64}$/;

/** Gives every request an id (a trusted proxy's X-Request-Id, or a new one) and a logger that carries it. */
export function requestContext(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction) => {
    const incoming = request.get('x-request-id');
    request.id = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    request.log = logger.child({ requestId: request.id });
    response.setHeader('X-Request-Id', request.id);
    const startedAt = process.hrtime.bigint();
    response.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      request.log.info(
        {
          method: request.method,
          // The path only: a query string carries what people searched for and typed.
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
