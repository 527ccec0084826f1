import { MatchingService } from '../services/matching/index.js';
import { createLogger } from '../services/shared/logger.js';
import { createApp } from '../web/app.js';
import { openConfiguredDatabase, runScript } from './script-runner.js';

runScript('start', async () => {
  const startedAt = Date.now();
  const { config, database } = await openConfiguredDatabase();
  const logger = createLogger(config.logLevel);
  if (config.sessionSecretIsDefault) logger.warn('SESSION_SECRET is not set: using the development secret');
  const matching = await MatchingService.start(database, logger);
  const app = createApp({ config, database, matching, logger });
  const url = await app.start();
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    `\nXueQi 学企 is running at ${url}  (database: ${database.driver} ${database.location}, ready in ${seconds} s)\n`,
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
