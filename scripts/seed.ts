import { DEMO_ACCOUNTS, seedCityIfEmpty } from '../seeds/index.js';
import { ConfigError, loadConfig } from '../services/config.js';
import { type DatabaseHandle, databaseTargetFromConfig, openDatabase } from '../services/db/index.js';
import { DatabaseUnavailableError } from '../services/shared/errors.js';

/** Migrates, seeds the demo city when the database is empty, and says what is there and how to log in. */
async function main(): Promise<void> {
  const config = loadConfig();
  let database: DatabaseHandle | null = null;
  try {
    database = await openDatabase(databaseTargetFromConfig(config));
    await database.migrate();
    const started = performance.now();
    const { seeded, counts } = await seedCityIfEmpty(database.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      seeded
        ? `seeded the demo city into ${database.driver} (${database.location}) in ${seconds} s\n`
        : `${database.driver} (${database.location}) already holds a city; nothing seeded\n`,
    );
    for (const [what, count] of Object.entries(counts))
      process.stdout.write(`  ${what.padEnd(20)} ${count}\n`);
    process.stdout.write('demo logins:\n');
    for (const account of DEMO_ACCOUNTS) {
      process.stdout.write(
        `  ${account.role.padEnd(10)} ${account.email} / ${account.password}  ${account.description}\n`,
      );
    }
  } finally {
    // An open PGlite handle keeps Node alive; close it whatever happened.
    await database?.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    process.stderr.write(`seed: ${error.message}\n`);
  } else {
    process.stderr.write(
      `seed: unexpected failure\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exitCode = 1;
});
