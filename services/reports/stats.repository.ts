import { count, countDistinct, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

export interface RawCounts {
  universities: number;
  teams: number;
  faculty: number;
  doctoralSupervisors: number;
  professors: number;
  chiefScientists: number;
  enterprises: number;
  staff: number;
  results: number;
  enterpriseServices: number;
}

async function countRows(query: Promise<{ value: number }[]>): Promise<number> {
  const [row] = await query;
  return Number(row?.value ?? 0);
}

export async function countEntities(db: Database): Promise<RawCounts> {
  const { faculty } = schema;
  const [
    universities,
    teams,
    facultyTotal,
    doctoralSupervisors,
    professors,
    chiefScientists,
    enterprises,
    staff,
    results,
    enterpriseServices,
  ] = await Promise.all([
    countRows(db.select({ value: count() }).from(schema.universities)),
    countRows(db.select({ value: count() }).from(schema.teams)),
    countRows(db.select({ value: count() }).from(faculty)),
    countRows(db.select({ value: count() }).from(faculty).where(eq(faculty.isDoctoralSupervisor, true))),
    countRows(db.select({ value: count() }).from(faculty).where(eq(faculty.title, 'professor'))),
    countRows(
      db
        .select({ value: countDistinct(faculty.id) })
        .from(faculty)
        .where(isNotNull(faculty.chiefScientistChain)),
    ),
    countRows(db.select({ value: count() }).from(schema.enterprises)),
    countRows(db.select({ value: count() }).from(schema.staff)),
    countRows(db.select({ value: count() }).from(schema.results)),
    countRows(db.select({ value: count() }).from(schema.enterpriseServices)),
  ]);
  return {
    universities,
    teams,
    faculty: facultyTotal,
    doctoralSupervisors,
    professors,
    chiefScientists,
    enterprises,
    staff,
    results,
    enterpriseServices,
  };
}

export interface GroupCount {
  key: string;
  value: number;
}

export async function countDemandsBy(
  db: Database,
  column: 'demandClass' | 'chainCode' | 'status',
): Promise<GroupCount[]> {
  const { demands } = schema;
  const rows = await db
    .select({ key: demands[column], value: count() })
    .from(demands)
    .groupBy(demands[column]);
  return rows.map((row) => ({ key: row.key, value: Number(row.value) }));
}

export async function countCollaborationsByStage(db: Database): Promise<GroupCount[]> {
  const { collaborations } = schema;
  const rows = await db
    .select({ key: collaborations.stage, value: count() })
    .from(collaborations)
    .groupBy(collaborations.stage);
  return rows.map((row) => ({ key: row.key, value: Number(row.value) }));
}
