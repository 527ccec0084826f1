import { asc, getTableColumns, getTableName, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { ImportKind } from './imports.types.js';
import { sortChainCodes } from './kinds/index.js';
import type { ReferenceSources } from './reference-data.js';

/** Rows a statement; a chunk is one JSON parameter, so this bounds its size (a few MB), not a parameter count. */
const ROWS_PER_STATEMENT = 5_000;
/** enterprise_chains rows go in as plain VALUES: 2 parameters a row, far under PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 10_000;

const TABLES = {
  faculty: schema.faculty,
  teams: schema.teams,
  enterprises: schema.enterprises,
  demands: schema.demands,
  results: schema.results,
} as const;

/** The enterprise's chains live in their own table; the import treats them as one field of the enterprise. */
const ENTERPRISE_CHAINS_FIELD = 'chainCodes';

/** What rows may refer to, one query a table. The faculty are read only when the kind refers to them. */
export async function loadReferenceSources(db: Database, withFaculty: boolean): Promise<ReferenceSources> {
  // One after another: inside a transaction there is one connection, and it takes one query at a time.
  const chains = await db.select({ code: schema.chains.code }).from(schema.chains);
  const universities = await db
    .select({
      id: schema.universities.id,
      code: schema.universities.code,
      nameZh: schema.universities.nameZh,
      nameEn: schema.universities.nameEn,
    })
    .from(schema.universities);
  const teams = await db
    .select({
      id: schema.teams.id,
      universityId: schema.teams.universityId,
      nameZh: schema.teams.nameZh,
      nameEn: schema.teams.nameEn,
    })
    .from(schema.teams);
  const enterprises = await db
    .select({ id: schema.enterprises.id, name: schema.enterprises.name })
    .from(schema.enterprises);
  const faculty = withFaculty
    ? await db
        .select({
          id: schema.faculty.id,
          universityId: schema.faculty.universityId,
          teamId: schema.faculty.teamId,
          name: schema.faculty.name,
        })
        .from(schema.faculty)
    : [];
  return { chainCodes: chains.map((chain) => chain.code), universities, teams, enterprises, faculty };
}

/** Every record of the kind, in one query, to match rows against by natural key. */
export async function loadExistingRecords(
  db: Database,
  kind: ImportKind,
): Promise<Record<string, unknown>[]> {
  const table = TABLES[kind];
  const records: Record<string, unknown>[] = await db.select().from(table).orderBy(asc(table.id));
  if (kind !== 'enterprises') return records;
  const links = await db.select().from(schema.enterpriseChains);
  const chainsByEnterprise = new Map<number, string[]>();
  for (const link of links) {
    const codes = chainsByEnterprise.get(link.enterpriseId) ?? [];
    codes.push(link.chainCode);
    chainsByEnterprise.set(link.enterpriseId, codes);
  }
  return records.map((record) => ({
    ...record,
    [ENTERPRISE_CHAINS_FIELD]: sortChainCodes(chainsByEnterprise.get(record.id as number) ?? []),
  }));
}

/**
 * Inserts in chunks and returns the new ids in the order given. Each chunk travels as one JSON
 * parameter unpacked by jsonb_to_recordset: Drizzle's builder spends ~0.3 ms a row on a wide
 * multi-row VALUES list, which made 50,000 rows take 16 s; this takes well under one.
 */
export async function insertRecords(
  db: Database,
  kind: ImportKind,
  records: Record<string, unknown>[],
  identity: { fields: string[]; keyOf: (record: Record<string, unknown>) => string },
): Promise<number[]> {
  const table = TABLES[kind];
  const { keyOf } = identity;
  const rows = records.map((record) => withoutField(record, ENTERPRISE_CHAINS_FIELD));
  const idsByKey = new Map<string, number>();
  const returned = columnsFor(table, ['id', ...identity.fields]);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const inserted = await insertChunk(db, table, rows.slice(start, start + ROWS_PER_STATEMENT), returned);
    for (const record of inserted) idsByKey.set(keyOf(record), record.id as number);
  }
  // RETURNING promises no order; the natural key, unique in the plan and the table, says which is which.
  const ids = records.map((record) => idsByKey.get(keyOf(record))!);
  if (kind === 'enterprises') {
    await insertEnterpriseChains(
      db,
      records.flatMap((record, index) =>
        ((record[ENTERPRISE_CHAINS_FIELD] as string[] | undefined) ?? []).map((chainCode) => ({
          enterpriseId: ids[index]!,
          chainCode,
        })),
      ),
    );
  }
  return ids;
}

type ImportTable = (typeof TABLES)[ImportKind];

/** The table's columns by field name; a field the table lacks is a programming error, said loudly. */
function columnsFor(table: ImportTable, fields: string[]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return fields.map((field) => {
    const column = columns[field];
    if (!column) throw new Error(`${getTableName(table)} has no field ${field}`);
    return { field, column };
  });
}

/** `r(col type, …)`: how jsonb_to_recordset reads each field out of the JSON. */
function recordDefinition(columns: { column: PgColumn }[]): SQL {
  return sql.join(
    // "serial" names a column with a sequence, not a type a record can have.
    columns.map(
      ({ column }) =>
        sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType().replace(/^serial$/, 'integer'))}`,
    ),
    sql`, `,
  );
}

/** The JSON the recordset reads: keyed by column name, as jsonb_to_recordset matches them. */
function recordsetJson(
  rows: Record<string, unknown>[],
  columns: { field: string; column: PgColumn }[],
): string {
  return JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(columns.map(({ field, column }) => [column.name, row[field] ?? null])),
    ),
  );
}

/** Returns only the id and the natural key: all the caller needs, and less for the driver to parse. */
async function insertChunk(
  db: Database,
  table: ImportTable,
  rows: Record<string, unknown>[],
  returned: { field: string; column: PgColumn }[],
): Promise<Record<string, unknown>[]> {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const columns = columnsFor(table, fields);
  const names = sql.join(
    columns.map(({ column }) => sql.identifier(column.name)),
    sql`, `,
  );
  const returning = sql.join(
    returned.map(({ column }) => sql.identifier(column.name)),
    sql`, `,
  );
  const result = (await db.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${recordsetJson(rows, columns)}::jsonb) as r(${recordDefinition(columns)}) returning ${returning}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((row) =>
    Object.fromEntries(returned.map(({ field, column }) => [field, row[column.name]])),
  );
}

/**
 * Applies updates a statement per group of rows that change the same fields (a file usually changes
 * one or two kinds of thing), rather than a statement per row.
 */
export async function updateRecords(
  db: Database,
  kind: ImportKind,
  updates: { id: number; set: Record<string, unknown> }[],
): Promise<void> {
  const table = TABLES[kind];
  const groups = new Map<string, { id: number; set: Record<string, unknown> }[]>();
  for (const update of updates) {
    const columns = withoutField(update.set, ENTERPRISE_CHAINS_FIELD);
    const signature = Object.keys(columns).sort().join(',');
    if (signature !== '') appendTo(groups, signature, { id: update.id, set: columns });
  }
  for (const [signature, members] of groups) {
    const columns = columnsFor(table, ['id', ...signature.split(',')]);
    const assignments = sql.join(
      [
        ...columns
          .slice(1)
          .map(({ column }) => sql`${sql.identifier(column.name)} = r.${sql.identifier(column.name)}`),
        ...('updatedAt' in table ? [sql`updated_at = now()`] : []),
      ],
      sql`, `,
    );
    for (let start = 0; start < members.length; start += ROWS_PER_STATEMENT) {
      const rows = members
        .slice(start, start + ROWS_PER_STATEMENT)
        .map((member) => ({ id: member.id, ...member.set }));
      await db.execute(
        sql`update ${table} set ${assignments} from jsonb_to_recordset(${recordsetJson(rows, columns)}::jsonb) as r(${recordDefinition(columns)}) where ${table.id} = r.id`,
      );
    }
  }
  if (kind !== 'enterprises') return;
  const chainUpdates = updates.filter((update) => update.set[ENTERPRISE_CHAINS_FIELD] !== undefined);
  if (chainUpdates.length === 0) return;
  await db.delete(schema.enterpriseChains).where(
    inArray(
      schema.enterpriseChains.enterpriseId,
      chainUpdates.map((update) => update.id),
    ),
  );
  await insertEnterpriseChains(
    db,
    chainUpdates.flatMap((update) =>
      (update.set[ENTERPRISE_CHAINS_FIELD] as string[]).map((chainCode) => ({
        enterpriseId: update.id,
        chainCode,
      })),
    ),
  );
}

async function insertEnterpriseChains(
  db: Database,
  links: { enterpriseId: number; chainCode: string }[],
): Promise<void> {
  for (let start = 0; start < links.length; start += ROWS_PER_INSERT) {
    await db.insert(schema.enterpriseChains).values(links.slice(start, start + ROWS_PER_INSERT));
  }
}

function withoutField(record: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: _omitted, ...rest } = record;
  return rest;
}

function appendTo<Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
