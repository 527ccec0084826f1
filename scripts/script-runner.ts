import { type Config, ConfigError, loadConfig } from '../services/config.js';
import { type DatabaseHandle, databaseTargetFromConfig, openDatabase } from '../services/db/index.js';
import { DatabaseUnavailableError, DomainError } from '../services/shared/errors.js';

/** Problems a person can fix from the message alone: printed as one line, without a stack trace. */
function isExpected(error: unknown): error is Error {
  return (
    error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof DomainError
  );
}

/** Runs a command-line entry point: expected failures become one line on stderr and exit code 1. */
export function runScript(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (isExpected(error)) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      process.stderr.write(
        `${name}: unexpected failure\n${error instanceof Error ? error.stack : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  });
}

/** Config from the environment and a migrated database; the caller must close the handle. */
export async function openConfiguredDatabase(): Promise<{
  config: Readonly<Config>;
  database: DatabaseHandle;
}> {
  const config = loadConfig();
  const database = await openDatabase(databaseTargetFromConfig(config));
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database };
}
