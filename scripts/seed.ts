import { ConfigError } from '../services/config.js';
import { formatDemoLogins, prepareDemoCity } from './demo-city.js';
import { openConfiguredDatabase, runScript } from './script-runner.js';

/** Migrates, seeds the demo city when the database is empty, and says what is there and how to log in. */
runScript('seed', async () => {
  const { config, database } = await openConfiguredDatabase();
  if (config.isProduction) {
    await database.close();
    throw new ConfigError('the demo city is never seeded when NODE_ENV=production');
  }
  try {
    const started = performance.now();
    const { outcome, matching, suggestions } = await prepareDemoCity(database);
    await matching.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      outcome.seeded
        ? `seeded the demo city into ${database.driver} (${database.location}) in ${seconds} s, with ${suggestions} suggested candidates from the matcher\n`
        : `${database.driver} (${database.location}) already holds a city; nothing seeded\n`,
    );
    for (const [what, count] of Object.entries(outcome.counts))
      process.stdout.write(`  ${what.padEnd(20)} ${count}\n`);
    process.stdout.write(formatDemoLogins());
  } finally {
    // An open PGlite handle keeps Node alive; close it whatever happened.
    await database.close();
  }
});
