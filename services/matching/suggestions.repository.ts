import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { MatchExplanation } from '../db/schema/brokering.js';
import { INDEXED_DEMAND_STATUSES } from './matching.repository.js';

const { matchCandidates, demands } = schema;

/** A pair as the suggestion worker writes it. */
export interface SuggestedPairRow {
  demandId: number;
  teamId: number | null;
  facultyId: number | null;
  score: number;
  explanation: MatchExplanation;
}

/** A pair already in the table, and whether brokering has touched it. */
export interface ExistingPair {
  id: number;
  teamId: number | null;
  facultyId: number | null;
  score: number;
  /** Still only the matcher's suggestion: nobody shortlisted, introduced, decided or said interested. */
  suggestedOnly: boolean;
}

export async function findPairsOfDemand(db: Database, demandId: number): Promise<ExistingPair[]> {
  const rows = await db
    .select({
      id: matchCandidates.id,
      teamId: matchCandidates.teamId,
      facultyId: matchCandidates.facultyId,
      score: matchCandidates.score,
      status: matchCandidates.status,
      enterpriseInterested: matchCandidates.enterpriseInterested,
      profileInterested: matchCandidates.profileInterested,
    })
    .from(matchCandidates)
    .where(eq(matchCandidates.demandId, demandId));
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    facultyId: row.facultyId,
    score: row.score,
    suggestedOnly: row.status === 'suggested' && !row.enterpriseInterested && !row.profileInterested,
  }));
}

/** Writes pairs, renewing only score and explanation of a pair that exists (its brokering state stays). */
export async function upsertSuggestedPairs(db: Database, rows: SuggestedPairRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(matchCandidates)
    .values(rows)
    .onConflictDoUpdate({
      target: [matchCandidates.demandId, matchCandidates.teamId, matchCandidates.facultyId],
      set: { score: sql`excluded.score`, explanation: sql`excluded.explanation`, updatedAt: sql`now()` },
      setWhere: sql`${matchCandidates.score} is distinct from excluded.score or ${matchCandidates.explanation} is distinct from excluded.explanation`,
    });
}

/**
 * Removes pairs that are still only suggestions. The condition is checked again on each row as
 * it is deleted, so a pair someone said interested in a moment ago is kept.
 */
export async function deleteSuggestedOnlyPairs(db: Database, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await db
    .delete(matchCandidates)
    .where(
      and(
        inArray(matchCandidates.id, ids),
        eq(matchCandidates.status, 'suggested'),
        eq(matchCandidates.enterpriseInterested, false),
        eq(matchCandidates.profileInterested, false),
      ),
    )
    .returning({ id: matchCandidates.id });
  return deleted.length;
}

/** Demands the index ranks profiles for: published, or matched and still open to more. */
export async function findIndexedDemandIds(db: Database, ids: number[] | 'all'): Promise<number[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  const rows = await db
    .select({ id: demands.id })
    .from(demands)
    .where(
      and(
        inArray(demands.status, [...INDEXED_DEMAND_STATUSES]),
        ids === 'all' ? undefined : inArray(demands.id, ids),
      ),
    )
    .orderBy(demands.id);
  return rows.map((row) => row.id);
}
