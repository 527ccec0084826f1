import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { Period } from './annual-report.repository.js';
import { rowsOf } from './dashboard.repository.js';

const { chokepointProjects: projects, projectSupport: support, consortia, consortiumTasks: tasks } = schema;

export interface FigureScope {
  chainCode?: string | null;
  period?: Period | null;
}

const chainOf = (column: unknown, chainCode: string | null | undefined): SQL =>
  chainCode ? sql`${column} = ${chainCode}` : sql`true`;

/** Projects by chain and status; in a period, those applied for in it (city calendar), as they stand now. */
export function countProjectsByChainAndStatus(db: Database, { chainCode, period }: FigureScope) {
  const inPeriod = period
    ? sql`(${projects.createdAt} at time zone 'Asia/Shanghai')::date between ${period.from} and ${period.to}`
    : sql`true`;
  return rowsOf<{ chainCode: string; status: string; value: number }>(
    db,
    sql`select ${projects.chainCode} as "chainCode", ${projects.status} as status, count(*)::int as value
        from ${projects} where ${chainOf(projects.chainCode, chainCode)} and ${inPeriod} group by 1, 2`,
  );
}

/** Support by kind: how many firms and items, and the sums; in a period, support given in it. */
export function sumSupportByKind(db: Database, { chainCode, period }: FigureScope) {
  const inPeriod = period ? sql`${support.grantedOn} between ${period.from} and ${period.to}` : sql`true`;
  return rowsOf<{
    kind: string;
    firms: number;
    items: number;
    amount: string;
    credited: string;
    riskCompensation: string;
    subsidies: string;
  }>(
    db,
    sql`select ${support.kind} as kind, count(distinct ${projects.enterpriseId})::int as firms, count(*)::int as items,
          coalesce(sum(${support.amount}), 0) as amount, coalesce(sum(${support.creditedAmount}), 0) as credited,
          coalesce(sum(${support.riskCompensation}), 0) as "riskCompensation", coalesce(sum(${support.subsidy}), 0) as subsidies
        from ${support} join ${projects} on ${projects.id} = ${support.projectId}
        where ${chainOf(projects.chainCode, chainCode)} and ${inPeriod} group by 1`,
  );
}

/** Firms supported in any way, counted once however many kinds of support they had. */
export async function countSupportedFirms(db: Database, { chainCode, period }: FigureScope): Promise<number> {
  const inPeriod = period ? sql`${support.grantedOn} between ${period.from} and ${period.to}` : sql`true`;
  const [row] = await rowsOf<{ value: number }>(
    db,
    sql`select count(distinct ${projects.enterpriseId})::int as value
        from ${support} join ${projects} on ${projects.id} = ${support.projectId}
        where ${chainOf(projects.chainCode, chainCode)} and ${inPeriod}`,
  );
  return Number(row?.value ?? 0);
}

/** Consortia and their tasks per chain and status, as they stand (consortia are not counted by period). */
export function countConsortiaByChain(db: Database, { chainCode }: FigureScope) {
  return rowsOf<{
    chainCode: string;
    status: string;
    consortia: number;
    tasks: number;
    tasksDone: number;
    tasksUnderWay: number;
  }>(
    db,
    sql`select ${consortia.chainCode} as "chainCode", ${consortia.status} as status, count(*)::int as consortia,
          coalesce(sum((select count(*) from ${tasks} where ${tasks.consortiumId} = ${consortia.id})), 0)::int as tasks,
          coalesce(sum((select count(*) from ${tasks} where ${tasks.consortiumId} = ${consortia.id} and ${tasks.status} = 'done')), 0)::int as "tasksDone",
          coalesce(sum((select count(*) from ${tasks} where ${tasks.consortiumId} = ${consortia.id} and ${tasks.status} = 'under_way')), 0)::int as "tasksUnderWay"
        from ${consortia} where ${chainOf(consortia.chainCode, chainCode)} group by 1, 2`,
  );
}
