import { setPortalAddress } from '../services/mail/index.js';
import { MatchingService, SuggestionWorker } from '../services/matching/index.js';
import { createLogger } from '../services/shared/logger.js';
import { countUsers } from '../services/users/index.js';
import { createApp } from '../web/app.js';
import { formatDemoLogins, prepareDemoCity } from './demo-city.js';
import { openConfiguredDatabase, runScript } from './script-runner.js';

runScript('start', async () => {
  const startedAt = Date.now();
  const { config, database } = await openConfiguredDatabase();
  const logger = createLogger(config.logLevel);
  if (config.sessionSecretIsDefault) logger.warn('SESSION_SECRET is not set: using the development secret');
  setPortalAddress(config.publicUrl);
  // A production database holds the bureau's real people: never the demo city, never a printed password.
  const { matching, worker } = await (config.isProduction
    ? MatchingService.start(database, logger).then((started) => ({
        matching: started,
        worker: SuggestionWorker.start(database, started, { logger }),
      }))
    : prepareDemoCity(database, logger, { worker: true }).then(({ outcome, matching, worker }) => {
        if (outcome.seeded) logger.info({ counts: outcome.counts }, 'seeded the demo city');
        return { matching, worker };
      })
  ).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  if (!config.smtpUrl)
    logger.info('SMTP_URL is not set: mail stays in the outbox (admins read it at /admin/mail)');
  const app = createApp({ config, database, matching, suggestions: worker, logger, noticeWorker: true });
  const url = await app.start();
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const footer = config.isProduction
    ? (await countUsers(database.db)) === 0
      ? 'no accounts yet: create the first administrator with  npm run admin:create -- --email you@example.org\n'
      : ''
    : formatDemoLogins();
  process.stdout.write(
    `\nXueQi 学企 is running at ${url}  (database: ${database.driver} ${database.location}, ready in ${seconds} s)\n${footer}\n`,
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
