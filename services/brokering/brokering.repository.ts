import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { DeclineReason, MatchStatus } from '../shared/enums.js';
import type { CandidatePair, TeamWorkload } from './brokering.types.js';

const { matchCandidates, demands, teams, faculty, universities } = schema;

type CandidateRow = typeof matchCandidates.$inferSelect;

function toCandidatePair(row: CandidateRow): CandidatePair {
  return {
    ...row,
    status: row.status as MatchStatus,
    declineReason: row.declineReason as DeclineReason | null,
  };
}

/**
 * Reads a pair and locks it until the transaction ends, so two staff acting on the same pair
 * at once take turns and the second sees what the first did.
 */
export async function lockCandidate(tx: Database, candidateId: number): Promise<CandidatePair | null> {
  const [row] = await tx
    .select()
    .from(matchCandidates)
    .where(eq(matchCandidates.id, candidateId))
    .for('update');
  return row ? toCandidatePair(row) : null;
}

export async function updateCandidate(
  tx: Database,
  candidateId: number,
  patch: Partial<
    Pick<CandidateRow, 'status' | 'declineReason' | 'declineNote' | 'introducedAt' | 'decidedAt'>
  >,
): Promise<CandidatePair> {
  const [row] = await tx
    .update(matchCandidates)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(matchCandidates.id, candidateId))
    .returning();
  return toCandidatePair(row!);
}

export async function findCandidatesByIds(db: Database, ids: number[]): Promise<CandidatePair[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(matchCandidates).where(inArray(matchCandidates.id, ids));
  return rows.map(toCandidatePair);
}

/** The team whose workload a pair counts against: its own team, or the faculty member's team. */
export async function findTeamOfFaculty(db: Database, facultyId: number): Promise<number | null> {
  const [row] = await db.select({ teamId: faculty.teamId }).from(faculty).where(eq(faculty.id, facultyId));
  return row?.teamId ?? null;
}

/** Locks the team row so that two introductions for one team cannot both slip under its limit. */
export async function lockTeam(
  tx: Database,
  teamId: number,
): Promise<{ id: number; introductionLimit: number } | null> {
  const [row] = await tx
    .select({ id: teams.id, introductionLimit: teams.introductionLimit })
    .from(teams)
    .where(eq(teams.id, teamId))
    .for('update');
  return row ?? null;
}

/** Live introductions per team: pairs now introduced, of the team itself or of its members. */
export async function countLiveIntroductions(db: Database, teamIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(teamIds.map((id) => [id, 0]));
  if (teamIds.length === 0) return counts;
  const teamOfPair = sql<number>`coalesce(${matchCandidates.teamId}, ${faculty.teamId})`;
  const rows = await db
    .select({ teamId: teamOfPair, value: sql<number>`count(*)::int` })
    .from(matchCandidates)
    .leftJoin(faculty, eq(faculty.id, matchCandidates.facultyId))
    .where(
      and(
        eq(matchCandidates.status, 'introduced'),
        or(inArray(matchCandidates.teamId, teamIds), inArray(faculty.teamId, teamIds)),
      ),
    )
    .groupBy(teamOfPair);
  for (const row of rows) counts.set(Number(row.teamId), Number(row.value));
  return counts;
}

export async function setTeamIntroductionLimit(tx: Database, teamId: number, limit: number): Promise<void> {
  await tx.update(teams).set({ introductionLimit: limit, updatedAt: sql`now()` }).where(eq(teams.id, teamId));
}

export async function findTeamWorkloads(db: Database, chainCode: string | null): Promise<TeamWorkload[]> {
  const rows = await db
    .select({
      teamId: teams.id,
      teamName: teams.nameZh,
      universityName: universities.nameZh,
      chainCode: teams.chainCode,
      introductionLimit: teams.introductionLimit,
    })
    .from(teams)
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(chainCode ? eq(teams.chainCode, chainCode) : undefined)
    .orderBy(asc(universities.nameZh), asc(teams.nameZh));
  const live = await countLiveIntroductions(
    db,
    rows.map((row) => row.teamId),
  );
  return rows.map((row) => ({ ...row, liveIntroductions: live.get(row.teamId) ?? 0 }));
}

export interface OpenDemandCandidate {
  candidateId: number;
  demandId: number;
  demandTitle: string;
  teamId: number;
  teamName: string;
  universityId: number;
  universityName: string;
  score: number;
}

/**
 * A chain's open demands (published, with nobody introduced or accepted yet) and their team pairs
 * still awaiting a decision: the material of a fairness proposal.
 */
export async function findOpenDemands(
  db: Database,
  chainCode: string,
): Promise<{ id: number; title: string }[]> {
  const handled = db
    .select({ demandId: matchCandidates.demandId })
    .from(matchCandidates)
    .where(inArray(matchCandidates.status, ['introduced', 'accepted']));
  return db
    .select({ id: demands.id, title: demands.title })
    .from(demands)
    .where(
      and(
        eq(demands.chainCode, chainCode),
        eq(demands.status, 'published'),
        sql`${demands.id} not in ${handled}`,
      ),
    )
    .orderBy(asc(demands.id));
}

export async function findTeamCandidatesOfDemands(
  db: Database,
  demandIds: number[],
): Promise<OpenDemandCandidate[]> {
  if (demandIds.length === 0) return [];
  return db
    .select({
      candidateId: matchCandidates.id,
      demandId: matchCandidates.demandId,
      demandTitle: demands.title,
      teamId: teams.id,
      teamName: teams.nameZh,
      universityId: universities.id,
      universityName: universities.nameZh,
      score: matchCandidates.score,
    })
    .from(matchCandidates)
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .innerJoin(teams, eq(teams.id, matchCandidates.teamId))
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(
      and(
        inArray(matchCandidates.demandId, demandIds),
        isNotNull(matchCandidates.teamId),
        inArray(matchCandidates.status, ['suggested', 'shortlisted']),
      ),
    )
    .orderBy(desc(matchCandidates.score), asc(matchCandidates.id));
}

export async function findTeamLimits(
  db: Database,
  teamIds: number[],
): Promise<{ id: number; introductionLimit: number }[]> {
  if (teamIds.length === 0) return [];
  return db
    .select({ id: teams.id, introductionLimit: teams.introductionLimit })
    .from(teams)
    .where(inArray(teams.id, teamIds));
}

/** Whether a team is already in a collaboration on the demand: one collaboration per demand–team pair. */
export async function teamWorksOnDemand(db: Database, demandId: number, teamId: number): Promise<boolean> {
  const { collaborationTeams } = schema;
  const [row] = await db
    .select({ teamId: collaborationTeams.teamId })
    .from(collaborationTeams)
    .where(and(eq(collaborationTeams.demandId, demandId), eq(collaborationTeams.teamId, teamId)));
  return row !== undefined;
}
