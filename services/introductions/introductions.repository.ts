import { and, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { MatchExplanation } from '../db/schema/brokering.js';
import type { DeclineReason, MatchStatus } from '../shared/enums.js';
import type { CandidateSide, CandidateState } from './introductions.types.js';

const { matchCandidates, demands, enterprises, teams, faculty, universities } = schema;
const leader = alias(faculty, 'leader');

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

export async function findCandidatesOfDemands(db: Database, demandIds: number[]): Promise<CandidateState[]> {
  if (demandIds.length === 0) return [];
  const rows = await db
    .select(stateColumns)
    .from(matchCandidates)
    .where(inArray(matchCandidates.demandId, demandIds));
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

/** Everything both introduction pages show, in one query; the service decides what each side may read. */
export async function listIntroductionRows(
  db: Database,
  where: { enterpriseId: number } | { teamId: number | null; facultyId: number | null },
) {
  const involved =
    'enterpriseId' in where
      ? eq(demands.enterpriseId, where.enterpriseId)
      : or(
          where.teamId ? eq(matchCandidates.teamId, where.teamId) : sql`false`,
          where.facultyId ? eq(matchCandidates.facultyId, where.facultyId) : sql`false`,
        );
  const rows = await db
    .select({
      ...stateColumns,
      demandTitle: demands.title,
      visibility: demands.visibility,
      enterpriseName: enterprises.name,
      enterpriseContact: {
        name: enterprises.contactName,
        email: enterprises.contactEmail,
        phone: enterprises.contactPhone,
      },
      teamName: teams.nameZh,
      facultyName: faculty.name,
      facultyEmail: faculty.email,
      facultyPhone: faculty.phone,
      leaderName: leader.name,
      leaderEmail: leader.email,
      leaderPhone: leader.phone,
      universityName: universities.nameZh,
    })
    .from(matchCandidates)
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .leftJoin(teams, eq(teams.id, matchCandidates.teamId))
    .leftJoin(faculty, eq(faculty.id, matchCandidates.facultyId))
    .leftJoin(leader, eq(leader.id, teams.leaderId))
    .innerJoin(
      universities,
      eq(universities.id, sql`coalesce(${teams.universityId}, ${faculty.universityId})`),
    )
    .where(
      and(
        involved,
        or(
          ne(matchCandidates.status, 'suggested'),
          eq(matchCandidates.enterpriseInterested, true),
          eq(matchCandidates.profileInterested, true),
        ),
      ),
    )
    .orderBy(desc(matchCandidates.updatedAt), desc(matchCandidates.id))
    .limit(500);
  return rows.map(toState);
}
