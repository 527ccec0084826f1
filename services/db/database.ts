import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { DatabaseUnavailableError } from '../shared/errors.js';
import { COUNTERS_CHANNEL, countChangesHere } from './change-counters.js';
import * as schema from './schema/index.js';

/** The one type the rest of the code sees: a Drizzle database (or transaction) over our schema. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseDriver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Where the data lives, for people: the server's host and database, or the PGlite folder. */
  location: string;
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  /**
   * Subscribes to NOTIFY on a channel; resolves with the function that unsubscribes. On the server
   * a dropped listening connection is replaced with back-off, forever; `onState` hears each loss
   * and each (re)start, so the caller can poll meanwhile and catch up once listening again.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onState?: (state: ListenState) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Whether notices can arrive: 'lost' carries why, and when the next attempt is. */
export type ListenState =
  | { listening: true }
  | { listening: false; reason: string; retryInMs: number; attempt: number };

export type DatabaseTarget =
  | { driver: 'postgres'; url: string }
  | { driver: 'pglite'; dataDir: string | null /* null: in memory */ };

export interface DatabaseOptions {
  /** Called with every statement the app sends (transactions included): the portal bench counts queries per page with it. */
  onQuery?: (statement: string) => void;
}

function queryLogger(options: DatabaseOptions) {
  const { onQuery } = options;
  return onQuery ? { logQuery: (statement: string) => onQuery(statement) } : undefined;
}

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed number: it names the lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK_KEY = 4_201_202_6;

function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const location = describeServer(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${location}: ${reason}`);
  }
  const db = drizzleNodePostgres({
    client: pool,
    schema,
    logger: queryLogger(options),
  }) as unknown as Database;
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    driver: 'postgres',
    location,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePostgres(drizzleNodePostgres({ client, schema }), {
          migrationsFolder: MIGRATIONS_FOLDER,
        });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    ping: () => ping(db),
    async listen(channel, onMessage, onState) {
      const unlisten = await listenOnServer(pool, channel, onMessage, onState ?? (() => {}));
      listeners.add(unlisten);
      return async () => {
        listeners.delete(unlisten);
        await unlisten();
      };
    },
    async close() {
      // A listener holds a pooled connection until it unlistens; the pool cannot end before that.
      await Promise.all([...listeners].map((unlisten) => unlisten()));
      listeners.clear();
      await pool.end();
    },
  };
}

/** The types drizzle reads as PGlite's text and parses itself: dates, times, intervals, their arrays, numeric[]. */
const TYPES_READ_AS_TEXT = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231,
  1115,
  1185,
  1187,
  1182,
];
const readAsText = Object.fromEntries(TYPES_READ_AS_TEXT.map((type) => [type, (text: string) => text]));

type QueryOptions = Parameters<PGlite['query']>[2];
const withoutParsers = (options: QueryOptions): QueryOptions => options && { ...options, parsers: undefined };

/**
 * The client as drizzle sees it, minus the parsers drizzle gives with every statement: PGlite copies
 * them into its own 300-odd each time, about 0.2 ms a statement when the statement itself takes
 * 0.12 ms. The client is given the same parsers instead (`readAsText`), so rows read the same.
 */
function statementsWithoutParsers(client: PGlite): PGlite {
  const plainTransaction = (tx: Transaction): Transaction => {
    const plain = Object.create(tx) as Transaction;
    plain.query = (text, params, options) => tx.query(text, params, withoutParsers(options));
    return plain;
  };
  return {
    query: (text: string, params?: unknown[], options?: QueryOptions) =>
      client.query(text, params, withoutParsers(options)),
    transaction: <Result>(callback: (tx: Transaction) => Promise<Result>) =>
      client.transaction((tx) => callback(plainTransaction(tx))),
  } as unknown as PGlite;
}

async function openPglite(dataDir: string | null, options: DatabaseOptions): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  // Set once ready: the array types' parsers are made while it starts, over any given to it.
  Object.assign(client.parsers, readAsText);
  const db = drizzlePglite({
    client: statementsWithoutParsers(client),
    schema,
    logger: queryLogger(options),
  }) as unknown as Database;
  // Every write to this database goes through this process: its change counters are counted here.
  await client.listen(COUNTERS_CHANNEL, countChangesHere(db));
  let closed = false;
  return {
    db,
    driver: 'pglite',
    location: dataDir ?? 'memory',
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    ping: () => ping(db),
    async listen(channel, onMessage, onState) {
      const unlisten = await client.listen(channel, onMessage);
      // In-process: the connection cannot be lost, so it is listening from the start and for good.
      onState?.({ listening: true });
      return async () => {
        if (!closed) await unlisten();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Back-off between attempts to listen again: doubling from the first delay up to the last, forever. */
const RELISTEN_FIRST_DELAY_MS = 250;
const RELISTEN_MAX_DELAY_MS = 30_000;

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * LISTEN needs a connection of its own for as long as it listens. If the server drops it (a
 * restart, an administrator's pg_terminate_backend), listen again on a new one, with back-off and
 * without ever giving up, so a restart of PostgreSQL does not leave this process deaf for good.
 * Notices sent while no connection listened are lost: callers read the change feed, not notices.
 */
async function listenOnServer(
  pool: pg.Pool,
  channel: string,
  onMessage: (payload: string) => void,
  onState: (state: ListenState) => void,
) {
  if (!IDENTIFIER.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let current: { connection: pg.PoolClient; release: () => void } | null = null;
  const retryLater = (reason: string) => {
    if (stopped || retryTimer) return;
    attempt += 1;
    const retryInMs = Math.min(RELISTEN_FIRST_DELAY_MS * 2 ** (attempt - 1), RELISTEN_MAX_DELAY_MS);
    onState({ listening: false, reason, retryInMs, attempt });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, retryInMs);
    retryTimer.unref();
  };
  const connect = async (): Promise<void> => {
    if (stopped) return;
    let connection: pg.PoolClient;
    try {
      connection = await pool.connect();
    } catch (error) {
      return retryLater(describeError(error));
    }
    let released = false;
    // Destroyed, not returned to the pool: it carries these handlers. Once only: the server may
    // still report an error on it after we let it go, and a second release throws.
    const release = () => {
      if (released) return;
      released = true;
      connection.release(true);
    };
    connection.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    connection.on('error', (error) => {
      release();
      if (current?.connection === connection) current = null;
      retryLater(describeError(error));
    });
    try {
      await connection.query(`set application_name = 'xueqi listener'`);
      await connection.query(`listen ${channel}`);
    } catch (error) {
      release();
      return retryLater(describeError(error));
    }
    if (stopped) {
      release();
      return;
    }
    current = { connection, release };
    attempt = 0;
    onState({ listening: true });
  };
  await connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const listening = current;
    current = null;
    if (!listening) return;
    await listening.connection.query(`unlisten ${channel}`).catch(() => {});
    listening.release();
  };
}

async function ping(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** The only place that knows which driver is in use. */
export function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return target.driver === 'postgres'
    ? openPostgres(target.url, options)
    : openPglite(target.dataDir, options);
}

export function databaseTargetFromConfig(config: {
  databaseUrl: string | null;
  dataDir: string;
}): DatabaseTarget {
  return config.databaseUrl
    ? { driver: 'postgres', url: config.databaseUrl }
    : { driver: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };
}
