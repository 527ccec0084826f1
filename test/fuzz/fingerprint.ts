import { sql } from 'drizzle-orm';
import type { Database } from '../../services/db/index.js';

/**
 * Tables whose rows are bookkeeping of the requests themselves, not data a request may change:
 * sessions come and go with visitors, login attempts are counted on purpose, and the suggestion
 * worker moves its feed position on its own time.
 */
const BOOKKEEPING_TABLES = new Set(['sessions', 'login_failures', 'change_feed_cursors']);

/** Audit actions a refused request writes on purpose: a failed login is recorded. */
const BOOKKEEPING_AUDIT = "action not like 'login.%'";

async function userTables(db: Database): Promise<string[]> {
  const { rows } = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows: { table_name: string }[] };
  return rows.map((row) => row.table_name).filter((name) => !BOOKKEEPING_TABLES.has(name));
}

/**
 * One string that changes when any row of any table changes: per table, its row count and an md5
 * of its rows in a fixed order. Cheap on a small fixture world, exact on any.
 */
const tablesOf = new WeakMap<Database, Promise<string[]>>();

export async function databaseFingerprint(db: Database): Promise<string> {
  if (!tablesOf.has(db)) tablesOf.set(db, userTables(db));
  const tables = await tablesOf.get(db)!;
  const parts = tables.map((table) => {
    const filter = table === 'audit_log' ? `where ${BOOKKEEPING_AUDIT}` : '';
    return `select '${table}' as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${table}" t ${filter}`;
  });
  const { rows } = (await db.execute(sql.raw(parts.join(' union all ')))) as unknown as {
    rows: { name: string; digest: string }[];
  };
  return rows
    .map((row) => `${row.name}=${row.digest}`)
    .sort()
    .join(';');
}
