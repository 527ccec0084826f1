import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { ImportKind } from './imports.types.js';
import { sortChainCodes } from './kinds/index.js';
import type { ReferenceSources } from './reference-data.js';

/** 1,000 rows of at most 16 columns stay far under PostgreSQL's 65,535 parameters a statement. */
const ROWS_PER_INSERT = 1_000;

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

/** Inserts in chunks and returns the new ids in the order given. */
export async function insertRecords(
  db: Database,
  kind: ImportKind,
  records: Record<string, unknown>[],
): Promise<number[]> {
  const table = TABLES[kind];
  const ids: number[] = [];
  for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
    const chunk = records.slice(start, start + ROWS_PER_INSERT);
    const rows = chunk.map((record) => withoutField(record, ENTERPRISE_CHAINS_FIELD));
    // The rows were built from the kind's own column definitions; the table checks them again.
    const inserted = await db
      .insert(table)
      .values(rows as never[])
      .returning({ id: table.id });
    ids.push(...inserted.map((row) => row.id));
  }
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

export async function updateRecord(
  db: Database,
  kind: ImportKind,
  id: number,
  set: Record<string, unknown>,
): Promise<void> {
  const table = TABLES[kind];
  const columns = withoutField(set, ENTERPRISE_CHAINS_FIELD);
  if ('updatedAt' in table) columns.updatedAt = sql`now()`;
  if (Object.keys(columns).length > 0) {
    await db
      .update(table)
      .set(columns as never)
      .where(eq(table.id, id));
  }
  const chainCodes = set[ENTERPRISE_CHAINS_FIELD] as string[] | undefined;
  if (kind === 'enterprises' && chainCodes) {
    await db.delete(schema.enterpriseChains).where(eq(schema.enterpriseChains.enterpriseId, id));
    await insertEnterpriseChains(
      db,
      chainCodes.map((chainCode) => ({ enterpriseId: id, chainCode })),
    );
  }
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
