import { type SQL, sql } from 'drizzle-orm';
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

/** The counts the home page and /api/v1/stats show, of the city's people, firms and results. */
export type CityFigureCounts = Pick<
  EntityCounts,
  | 'universities'
  | 'teams'
  | 'faculty'
  | 'doctoralSupervisors'
  | 'professors'
  | 'chiefScientists'
  | 'staff'
  | 'enterprises'
  | 'results'
  | 'services'
>;

const countOf = (table: AnyPgTable, name: string) =>
  sql`(select count(*)::int as ${sql.identifier(name)} from ${table})`;

/**
 * Each table's counts as one single-row aggregate, the faculty's four in one scan: the home page
 * asks on every view, and at ten times the city four scans of the faculty (and one of the works,
 * which it does not show) were most of its time.
 */
const CITY_FIGURES = [
  countOf(schema.universities, 'universities'),
  countOf(schema.teams, 'teams'),
  sql`(select count(*)::int as "faculty",
    (count(*) filter (where ${schema.faculty.isDoctoralSupervisor}))::int as "doctoralSupervisors",
    (count(*) filter (where ${schema.faculty.title} = 'professor'))::int as "professors",
    (count(*) filter (where ${schema.faculty.chiefScientistChain} is not null))::int as "chiefScientists"
    from ${schema.faculty})`,
  countOf(schema.staff, 'staff'),
  countOf(schema.enterprises, 'enterprises'),
  countOf(schema.results, 'results'),
  countOf(schema.enterpriseServices, 'services'),
];

const OTHER_COUNTS = [
  countOf(schema.works, 'works'),
  countOf(schema.demands, 'demands'),
  countOf(schema.matchCandidates, 'matchCandidates'),
  countOf(schema.collaborations, 'collaborations'),
  countOf(schema.milestones, 'milestones'),
  countOf(schema.users, 'users'),
];

/** Single-row aggregates side by side: every count in one statement and one row. */
async function countTables<Counts>(db: Database, aggregates: SQL[]): Promise<Counts> {
  const from = sql.join(
    aggregates.map((aggregate, index) => sql`${aggregate} as ${sql.identifier(`counted_${index}`)}`),
    sql`, `,
  );
  const [row] = await rowsOf<Record<string, number>>(db, sql`select * from ${from}`);
  return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)])) as Counts;
}

/** What the home page and /api/v1/stats show. */
export function countCityFigures(db: Database): Promise<CityFigureCounts> {
  return countTables(db, CITY_FIGURES);
}

/** How many of everything the city holds: what the seed reports. */
export function countEntities(db: Database): Promise<EntityCounts> {
  return countTables(db, [...CITY_FIGURES, ...OTHER_COUNTS]);
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
