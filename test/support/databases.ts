import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { type Database, type DatabaseHandle, openDatabase } from '../../services/db/index.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || null;

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL names one. */
export const testDatabaseKinds: TestDatabaseKind[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends DatabaseHandle {
  /** The server database's URL, for a second connection as another process would open; null on PGlite. */
  url: string | null;
  dispose(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database created on the
 * server (and dropped afterwards) so test files running in parallel never see each other's rows.
 */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite', dataDir: null });
    await handle.migrate();
    return { ...handle, url: null, dispose: () => handle.close() };
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `xueqi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabaseName(serverUrl, name);
  const handle = await openDatabase({ driver: 'postgres', url });
  await handle.migrate();
  return {
    ...handle,
    url,
    async dispose() {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/** Runs a suite once per available database, named by the database so a failure says where. */
export function describeEachDatabase(title: string, suite: (kind: TestDatabaseKind) => void): void {
  for (const kind of testDatabaseKinds) {
    describe(`${title} [${kind}]`, () => suite(kind));
  }
}

/**
 * Writes as another process of the portal would: on the server through a connection of its own,
 * opened and closed around `write`; PGlite has one connection, so there it writes past the app.
 */
export async function writeAsAnotherProcess(
  database: TestDatabase,
  write: (db: Database) => Promise<unknown>,
): Promise<void> {
  if (!database.url) {
    await write(database.db);
    return;
  }
  const other = await openDatabase({ driver: 'postgres', url: database.url });
  try {
    await write(other.db);
  } finally {
    await other.close();
  }
}
