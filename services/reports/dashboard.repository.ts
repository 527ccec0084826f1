import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

const { demands, matchCandidates, collaborations } = schema;

const ofChain = (chainCode: string | null) =>
  chainCode ? sql`${demands.chainCode} = ${chainCode}` : sql`true`;

export async function rowsOf<Row>(db: Database, query: ReturnType<typeof sql>): Promise<Row[]> {
  // Both drivers answer raw SQL with an object holding `rows`.
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

export async function countDemandsByClassAndStatus(db: Database, chainCode: string | null) {
  const rows = await rowsOf<{ demand_class: string; status: string; value: number }>(
    db,
    sql`select ${demands.demandClass} as demand_class, ${demands.status} as status, count(*)::int as value
        from ${demands} where ${ofChain(chainCode)} group by 1, 2`,
  );
  return rows.map((row) => ({ demandClass: row.demand_class, status: row.status, value: Number(row.value) }));
}

/** Published demands whose best team pair scores under the threshold, or that have no team pair at all. */
export async function findWeakDemands(db: Database, chainCode: string | null, threshold: number) {
  const rows = await rowsOf<{ id: number; title: string; demand_class: string; best: number | null }>(
    db,
    sql`select ${demands.id} as id, ${demands.title} as title, ${demands.demandClass} as demand_class,
          (select max(${matchCandidates.score}) from ${matchCandidates}
            where ${matchCandidates.demandId} = ${demands.id} and ${matchCandidates.teamId} is not null) as best
        from ${demands}
        where ${ofChain(chainCode)} and ${demands.status} = 'published'`,
  );
  return rows
    .map((row) => ({
      id: Number(row.id),
      title: row.title,
      demandClass: row.demand_class,
      bestScore: row.best === null ? null : Number(row.best),
    }))
    .filter((row) => row.bestScore === null || row.bestScore < threshold)
    .sort((left, right) => (left.bestScore ?? -1) - (right.bestScore ?? -1) || left.id - right.id);
}

export async function countFunnel(db: Database, chainCode: string | null) {
  const [pairs] = await rowsOf<{ suggested: number; introduced: number; accepted: number }>(
    db,
    sql`select count(*)::int as suggested,
          count(${matchCandidates.introducedAt})::int as introduced,
          count(*) filter (where ${matchCandidates.status} = 'accepted')::int as accepted
        from ${matchCandidates} join ${demands} on ${demands.id} = ${matchCandidates.demandId}
        where ${ofChain(chainCode)}`,
  );
  const [collaborationCount] = await rowsOf<{ value: number }>(
    db,
    sql`select count(*)::int as value from ${collaborations}
        join ${demands} on ${demands.id} = ${collaborations.demandId} where ${ofChain(chainCode)}`,
  );
  return {
    suggested: Number(pairs?.suggested ?? 0),
    introduced: Number(pairs?.introduced ?? 0),
    accepted: Number(pairs?.accepted ?? 0),
    collaborations: Number(collaborationCount?.value ?? 0),
  };
}

/** Median over demands of the days from the demand's creation to its first introduction. */
export async function medianDaysToFirstContact(
  db: Database,
  chainCode: string | null,
): Promise<number | null> {
  const [row] = await rowsOf<{ median: number | null }>(
    db,
    sql`select percentile_cont(0.5) within group (order by days) as median from (
          select extract(epoch from min(${matchCandidates.introducedAt}) - ${demands.createdAt}) / 86400 as days
          from ${demands} join ${matchCandidates} on ${matchCandidates.demandId} = ${demands.id}
          where ${ofChain(chainCode)} and ${matchCandidates.introducedAt} is not null
          group by ${demands.id}, ${demands.createdAt}) as first_contacts`,
  );
  return row?.median === null || row?.median === undefined ? null : Number(row.median);
}

export async function countCollaborationsByStageOfChain(db: Database, chainCode: string | null) {
  const rows = await rowsOf<{ stage: string; value: number }>(
    db,
    sql`select ${collaborations.stage} as stage, count(*)::int as value from ${collaborations}
        join ${demands} on ${demands.id} = ${collaborations.demandId} where ${ofChain(chainCode)} group by 1`,
  );
  return rows.map((row) => ({ key: row.stage, value: Number(row.value) }));
}
