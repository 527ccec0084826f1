import { count, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

/** How many of each thing the city holds, by SQL count queries. */
export interface EntityCounts {
  universities: number;
  teams: number;
  faculty: number;
  doctoralSupervisors: number;
  professors: number;
  chiefScientists: number;
  works: number;
  staff: number;
  enterprises: number;
  demands: number;
  results: number;
  matchCandidates: number;
  collaborations: number;
  milestones: number;
  services: number;
  users: number;
}

export async function countEntities(db: Database): Promise<EntityCounts> {
  const { faculty } = schema;
  const queries: Record<keyof EntityCounts, Promise<number>> = {
    universities: db.$count(schema.universities),
    teams: db.$count(schema.teams),
    faculty: db.$count(faculty),
    doctoralSupervisors: db.$count(faculty, eq(faculty.isDoctoralSupervisor, true)),
    professors: db.$count(faculty, eq(faculty.title, 'professor')),
    chiefScientists: db.$count(faculty, isNotNull(faculty.chiefScientistChain)),
    works: db.$count(schema.works),
    staff: db.$count(schema.staff),
    enterprises: db.$count(schema.enterprises),
    demands: db.$count(schema.demands),
    results: db.$count(schema.results),
    matchCandidates: db.$count(schema.matchCandidates),
    collaborations: db.$count(schema.collaborations),
    milestones: db.$count(schema.milestones),
    services: db.$count(schema.enterpriseServices),
    users: db.$count(schema.users),
  };
  const values = await Promise.all(Object.values(queries));
  return Object.fromEntries(
    Object.keys(queries).map((key, index) => [key, Number(values[index])]),
  ) as unknown as EntityCounts;
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
