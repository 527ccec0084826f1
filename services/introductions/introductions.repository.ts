import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { idIsAnyOf, preparedPerDatabase, schema } from '../db/index.js';
import type { MatchExplanation } from '../db/schema/brokering.js';
import type { DeclineReason, MatchStatus } from '../shared/enums.js';
import type { CandidateSide, CandidateState } from './introductions.types.js';

const { matchCandidates, teams, faculty } = schema;

const stateColumns = {
  id: matchCandidates.id,
  demandId: matchCandidates.demandId,
  teamId: matchCandidates.teamId,
  facultyId: matchCandidates.facultyId,
  status: matchCandidates.status,
  declineReason: matchCandidates.declineReason,
  enterpriseInterested: matchCandidates.enterpriseInterested,
  profileInterested: matchCandidates.profileInterested,
  updatedAt: matchCandidates.updatedAt,
};

function toState<Row extends { status: string; declineReason: string | null }>(row: Row) {
  return {
    ...row,
    status: row.status as MatchStatus,
    declineReason: row.declineReason as DeclineReason | null,
  };
}

const sideCondition = (side: CandidateSide): SQL =>
  side.kind === 'team' ? eq(matchCandidates.teamId, side.id) : eq(matchCandidates.facultyId, side.id);

/** Every view of a demand's candidates asks it. */
const candidatesOfDemandQuery = preparedPerDatabase((db) =>
  db
    .select(stateColumns)
    .from(matchCandidates)
    .where(eq(matchCandidates.demandId, sql.placeholder('demandId')))
    .prepare('candidates_of_demand'),
);

/** Every pair of one demand, whatever its status. */
export async function findCandidatesOfDemand(db: Database, demandId: number): Promise<CandidateState[]> {
  const rows = await candidatesOfDemandQuery(db).execute({ demandId });
  return rows.map(toState);
}

/** One side's pairs among these demands: its own state on each, not every candidate's. */
export async function findPairsOfSide(
  db: Database,
  side: CandidateSide,
  demandIds: number[],
): Promise<CandidateState[]> {
  if (demandIds.length === 0) return [];
  const rows = await db
    .select(stateColumns)
    .from(matchCandidates)
    .where(and(sideCondition(side), idIsAnyOf(matchCandidates.demandId, demandIds)));
  return rows.map(toState);
}

/** The pair's row, locked for the rest of the transaction, or null when there is none yet. */
export async function findPairForUpdate(
  db: Database,
  demandId: number,
  side: CandidateSide,
): Promise<CandidateState | null> {
  const [row] = await db
    .select(stateColumns)
    .from(matchCandidates)
    .where(and(eq(matchCandidates.demandId, demandId), sideCondition(side)))
    .for('update');
  return row ? toState(row) : null;
}

/** Inserts the pair, or returns null when another request inserted it first (a double click). */
export async function insertPair(
  db: Database,
  values: {
    demandId: number;
    side: CandidateSide;
    score: number;
    explanation: MatchExplanation;
    enterpriseInterested: boolean;
    profileInterested: boolean;
  },
): Promise<CandidateState | null> {
  const [row] = await db
    .insert(matchCandidates)
    .values({
      demandId: values.demandId,
      teamId: values.side.kind === 'team' ? values.side.id : null,
      facultyId: values.side.kind === 'faculty' ? values.side.id : null,
      score: values.score,
      explanation: values.explanation,
      enterpriseInterested: values.enterpriseInterested,
      profileInterested: values.profileInterested,
    })
    .onConflictDoNothing()
    .returning(stateColumns);
  return row ? toState(row) : null;
}

export async function markInterest(
  db: Database,
  candidateId: number,
  flag: 'enterpriseInterested' | 'profileInterested',
): Promise<CandidateState> {
  const [row] = await db
    .update(matchCandidates)
    .set({ [flag]: true, updatedAt: sql`now()` })
    .where(eq(matchCandidates.id, candidateId))
    .returning(stateColumns);
  return toState(row!);
}

export async function profileExists(db: Database, side: CandidateSide): Promise<boolean> {
  const table = side.kind === 'team' ? teams : faculty;
  const rows = await db.select({ id: table.id }).from(table).where(eq(table.id, side.id));
  return rows.length > 0;
}
