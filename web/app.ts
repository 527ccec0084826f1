import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Config } from '../services/config.js';
import type { DatabaseHandle } from '../services/db/index.js';
import type { Logger } from '../services/shared/logger.js';
import { handleErrors, notFound } from './errors.js';
import { requestContext } from './request-context.js';
import { healthRoutes } from './routes/health.routes.js';
import { statsRoutes } from './routes/stats.routes.js';

export interface AppDependencies {
  config: Readonly<Config>;
  database: DatabaseHandle;
  logger: Logger;
}

export interface XueqiApp {
  express: Express;
  /** Listens on the configured port (0 picks a free one) and resolves with the URL. */
  start(port?: number): Promise<string>;
  /** Stops taking requests, lets those under way finish, then closes the database. */
  stop(): Promise<void>;
}

/** The one way the app is assembled: the server, the tests and the scripts all build it here. */
export function createApp({ config, database, logger }: AppDependencies): XueqiApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(logger));
  app.use(express.json({ limit: '1mb' }));
  app.use(healthRoutes(database));
  app.use(statsRoutes(database.db));
  app.use(notFound);
  app.use(handleErrors);

  let server: Server | null = null;
  return {
    express: app,
    start(port = config.port) {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, (error?: Error) => {
          if (error) return reject(error);
          const address = listening.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve(`http://localhost:${actualPort}`);
        });
        listening.once('error', reject);
        server = listening;
      });
    },
    async stop() {
      const running = server;
      server = null;
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeIdleConnections();
        });
      }
      await database.close();
    },
  };
}
