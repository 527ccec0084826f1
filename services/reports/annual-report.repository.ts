import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import { rowsOf } from './dashboard.repository.js';

const { demands, matchCandidates, collaborations, enterpriseServices } = schema;

/** Timestamps count on the city's calendar, so a match made at 07:00 in Weihai on 1 January is that year's. */
const cityDate = (column: unknown) => sql`(${column} at time zone 'Asia/Shanghai')::date`;

export interface Period {
  from: string;
  to: string;
}

export async function countHeadlines(db: Database, { from, to }: Period) {
  const [row] = await rowsOf<{
    collaborations: number;
    matches: number;
    enterprisesServed: number;
    services: number;
    demands: number;
  }>(
    db,
    sql`select
      (select count(*)::int from ${collaborations} where ${collaborations.startedOn} between ${from} and ${to}) as collaborations,
      (select count(*)::int from ${matchCandidates} where ${matchCandidates.status} = 'accepted'
         and ${cityDate(matchCandidates.decidedAt)} between ${from} and ${to}) as matches,
      (select count(distinct ${enterpriseServices.enterpriseId})::int from ${enterpriseServices}
         where ${enterpriseServices.servedOn} between ${from} and ${to}) as "enterprisesServed",
      (select count(*)::int from ${enterpriseServices} where ${enterpriseServices.servedOn} between ${from} and ${to}) as services,
      (select count(*)::int from ${demands} where ${cityDate(demands.createdAt)} between ${from} and ${to}) as demands`,
  );
  return {
    collaborationsBrokered: Number(row?.collaborations ?? 0),
    matchesReached: Number(row?.matches ?? 0),
    enterprisesServed: Number(row?.enterprisesServed ?? 0),
    servicesGiven: Number(row?.services ?? 0),
    demands: Number(row?.demands ?? 0),
  };
}

export async function countDemandsByClassInPeriod(db: Database, { from, to }: Period) {
  return rowsOf<{ key: string; value: number }>(
    db,
    sql`select ${demands.demandClass} as key, count(*)::int as value from ${demands}
        where ${cityDate(demands.createdAt)} between ${from} and ${to} group by 1`,
  );
}

export interface ChainResultRow {
  chainCode: string;
  demands: number;
  matches: number;
  collaborations: number;
  commercialising: number;
  patents: number;
  products: number;
  revenue: number;
  contractValue: number;
}

/** Per chain: demands raised, matches reached and collaborations started in the period, with their outcomes. */
export async function countResultsPerChain(db: Database, { from, to }: Period) {
  return rowsOf<ChainResultRow>(
    db,
    sql`select c.code as "chainCode",
      (select count(*)::int from ${demands} d where d.chain_code = c.code
         and (d.created_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}) as demands,
      (select count(*)::int from ${matchCandidates} m join ${demands} d on d.id = m.demand_id
         where d.chain_code = c.code and m.status = 'accepted'
         and (m.decided_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}) as matches,
      count(k.id)::int as collaborations,
      count(k.id) filter (where k.stage = 'commercialise')::int as commercialising,
      coalesce(sum(k.patents_granted), 0)::int as patents,
      coalesce(sum(k.new_products), 0)::int as products,
      coalesce(sum(k.revenue), 0)::float8 as revenue,
      coalesce(sum(k.contract_value), 0)::float8 as "contractValue"
    from ${schema.chains} c
    left join ${demands} kd on kd.chain_code = c.code
    left join ${collaborations} k on k.demand_id = kd.id and k.started_on between ${from} and ${to}
    group by c.code, c.sort_order order by c.sort_order`,
  );
}

export async function findLatestCollaborationYear(db: Database): Promise<string | null> {
  const [row] = await rowsOf<{ year: string | null }>(
    db,
    sql`select extract(year from max(${collaborations.startedOn}))::int::text as year from ${collaborations}`,
  );
  return row?.year ?? null;
}
