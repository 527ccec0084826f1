import { sql } from 'drizzle-orm';
import type { AnyPgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import { rowsOf } from './dashboard.repository.js';

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

/**
 * Every count in one statement: the home page shows them on each view, and one round trip of
 * scalar subqueries costs a fraction of sixteen.
 */
export async function countEntities(db: Database): Promise<EntityCounts> {
  const { faculty } = schema;
  const counted = (table: AnyPgTable, where = sql`true`) =>
    sql`(select count(*)::int from ${table} where ${where})`;
  const [row] = await rowsOf<Record<keyof EntityCounts, number>>(
    db,
    sql`select
      ${counted(schema.universities)} as "universities",
      ${counted(schema.teams)} as "teams",
      ${counted(faculty)} as "faculty",
      ${counted(faculty, sql`${faculty.isDoctoralSupervisor}`)} as "doctoralSupervisors",
      ${counted(faculty, sql`${faculty.title} = 'professor'`)} as "professors",
      ${counted(faculty, sql`${faculty.chiefScientistChain} is not null`)} as "chiefScientists",
      ${counted(schema.works)} as "works",
      ${counted(schema.staff)} as "staff",
      ${counted(schema.enterprises)} as "enterprises",
      ${counted(schema.demands)} as "demands",
      ${counted(schema.results)} as "results",
      ${counted(schema.matchCandidates)} as "matchCandidates",
      ${counted(schema.collaborations)} as "collaborations",
      ${counted(schema.milestones)} as "milestones",
      ${counted(schema.enterpriseServices)} as "services",
      ${counted(schema.users)} as "users"`,
  );
  return Object.fromEntries(
    Object.entries(row!).map(([key, value]) => [key, Number(value)]),
  ) as unknown as EntityCounts;
}

export interface GroupCount {
  key: string;
  value: number;
}

export interface CityGroupCounts {
  demandClass: GroupCount[];
  chainCode: GroupCount[];
  status: GroupCount[];
  stage: GroupCount[];
}

/** Demands by class, chain and status and collaborations by stage, in one statement. */
export async function countCityGroups(db: Database): Promise<CityGroupCounts> {
  const { demands, collaborations } = schema;
  const rows = await rowsOf<{ grouping: keyof CityGroupCounts; key: string; value: number }>(
    db,
    sql`select 'demandClass' as grouping, ${demands.demandClass} as key, count(*)::int as value from ${demands} group by 2
        union all
        select 'chainCode', ${demands.chainCode}, count(*)::int from ${demands} group by 2
        union all
        select 'status', ${demands.status}, count(*)::int from ${demands} group by 2
        union all
        select 'stage', ${collaborations.stage}, count(*)::int from ${collaborations} group by 2`,
  );
  const groups: CityGroupCounts = { demandClass: [], chainCode: [], status: [], stage: [] };
  for (const row of rows) groups[row.grouping].push({ key: row.key, value: Number(row.value) });
  return groups;
}
