import { and, asc, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { MatchExplanation } from '../db/schema/index.js';

const { demands, enterprises, faculty, teams, universities, matchCandidates } = schema;

export interface CandidateRow {
  demandId: number;
  demandTitle: string;
  enterpriseName: string;
  chainCode: string;
  status: string;
  score: number;
  explanation: MatchExplanation;
  /** "team" or "faculty", and the name and university of that side. */
  side: 'team' | 'faculty';
  candidateName: string;
  universityName: string;
  enterpriseInterested: boolean;
  profileInterested: boolean;
  updatedAt: Date;
}

/** The candidate's side of a pair: a team, or a faculty member with their university. */
function candidateColumns() {
  return {
    demandId: matchCandidates.demandId,
    status: matchCandidates.status,
    score: matchCandidates.score,
    explanation: matchCandidates.explanation,
    teamId: matchCandidates.teamId,
    teamName: teams.nameZh,
    facultyName: faculty.name,
    universityName: universities.nameZh,
    enterpriseInterested: matchCandidates.enterpriseInterested,
    profileInterested: matchCandidates.profileInterested,
    updatedAt: matchCandidates.updatedAt,
    demandTitle: demands.title,
    enterpriseName: enterprises.name,
    chainCode: demands.chainCode,
  };
}

type CandidateSelection = {
  [Key in keyof ReturnType<typeof candidateColumns>]: unknown;
};

function toCandidateRow(row: CandidateSelection): CandidateRow {
  const isTeam = row.teamId !== null;
  return {
    demandId: row.demandId as number,
    demandTitle: row.demandTitle as string,
    enterpriseName: row.enterpriseName as string,
    chainCode: row.chainCode as string,
    status: row.status as string,
    score: Number(row.score),
    explanation: (row.explanation as MatchExplanation | null) ?? { terms: [] },
    side: isTeam ? 'team' : 'faculty',
    candidateName: ((isTeam ? row.teamName : row.facultyName) as string | null) ?? '',
    universityName: (row.universityName as string | null) ?? '',
    enterpriseInterested: Boolean(row.enterpriseInterested),
    profileInterested: Boolean(row.profileInterested),
    updatedAt: new Date(row.updatedAt as Date | string),
  };
}

/** The N best-scored pairs of each demand (declined pairs left out), in one query. */
export async function findTopCandidates(db: Database, perDemand: number): Promise<CandidateRow[]> {
  const ranked = db
    .select({
      id: matchCandidates.id,
      rank: sql<number>`row_number() over (partition by ${matchCandidates.demandId} order by ${matchCandidates.score} desc, ${matchCandidates.id})`.as(
        'rank',
      ),
    })
    .from(matchCandidates)
    .where(ne(matchCandidates.status, 'declined'))
    .as('ranked');
  const rows = await db
    .select(candidateColumns())
    .from(ranked)
    .innerJoin(matchCandidates, eq(matchCandidates.id, ranked.id))
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .leftJoin(teams, eq(teams.id, matchCandidates.teamId))
    .leftJoin(faculty, eq(faculty.id, matchCandidates.facultyId))
    .leftJoin(
      universities,
      eq(universities.id, sql`coalesce(${teams.universityId}, ${faculty.universityId})`),
    )
    .where(lte(ranked.rank, perDemand))
    .orderBy(asc(matchCandidates.demandId), desc(matchCandidates.score), asc(matchCandidates.id));
  return rows.map(toCandidateRow);
}

export interface CollaborationRow {
  id: number;
  title: string;
  demandTitle: string;
  enterpriseName: string;
  leadTeam: string;
  otherTeams: string[];
  stage: string;
  startedOn: string;
  contractValue: number | null;
  patentsGranted: number;
  newProducts: number;
  revenue: number;
  milestonesDone: number;
  milestonesTotal: number;
  nextMilestone: { title: string; dueOn: string } | null;
  notes: string;
}

export async function findCollaborations(db: Database): Promise<CollaborationRow[]> {
  const { collaborations, collaborationTeams, milestones } = schema;
  const rows = await db
    .select({
      collaboration: collaborations,
      demandTitle: demands.title,
      enterpriseName: enterprises.name,
      leadTeam: teams.nameZh,
    })
    .from(collaborations)
    .innerJoin(demands, eq(demands.id, collaborations.demandId))
    .innerJoin(enterprises, eq(enterprises.id, collaborations.enterpriseId))
    .innerJoin(teams, eq(teams.id, collaborations.leadTeamId))
    .orderBy(asc(collaborations.id));
  const ids = rows.map((row) => row.collaboration.id);
  const members = ids.length
    ? await db
        .select({ collaborationId: collaborationTeams.collaborationId, name: teams.nameZh })
        .from(collaborationTeams)
        .innerJoin(teams, eq(teams.id, collaborationTeams.teamId))
        .where(and(inArray(collaborationTeams.collaborationId, ids), eq(collaborationTeams.isLead, false)))
        .orderBy(asc(teams.nameZh))
    : [];
  const steps = ids.length
    ? await db
        .select()
        .from(milestones)
        .where(inArray(milestones.collaborationId, ids))
        .orderBy(asc(milestones.dueOn), asc(milestones.id))
    : [];
  return rows.map(({ collaboration, demandTitle, enterpriseName, leadTeam }) => {
    const own = steps.filter((step) => step.collaborationId === collaboration.id);
    const next = own.find((step) => step.doneOn === null);
    return {
      id: collaboration.id,
      title: collaboration.title,
      demandTitle,
      enterpriseName,
      leadTeam,
      otherTeams: members
        .filter((member) => member.collaborationId === collaboration.id)
        .map((member) => member.name),
      stage: collaboration.stage,
      startedOn: collaboration.startedOn,
      contractValue: collaboration.contractValue === null ? null : Number(collaboration.contractValue),
      patentsGranted: collaboration.patentsGranted,
      newProducts: collaboration.newProducts,
      revenue: Number(collaboration.revenue),
      milestonesDone: own.filter((step) => step.doneOn !== null).length,
      milestonesTotal: own.length,
      nextMilestone: next ? { title: next.title, dueOn: next.dueOn } : null,
      notes: collaboration.notes,
    };
  });
}

export interface ServiceRow {
  servedOn: string;
  enterpriseName: string;
  kind: string;
  staffName: string;
  chainCode: string | null;
  note: string;
}

export async function findEnterpriseServices(db: Database): Promise<ServiceRow[]> {
  const { enterpriseServices, staff } = schema;
  return db
    .select({
      servedOn: enterpriseServices.servedOn,
      enterpriseName: enterprises.name,
      kind: enterpriseServices.kind,
      staffName: staff.name,
      chainCode: staff.chainCode,
      note: enterpriseServices.note,
    })
    .from(enterpriseServices)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseServices.enterpriseId))
    .innerJoin(staff, eq(staff.id, enterpriseServices.staffId))
    .orderBy(desc(enterpriseServices.servedOn), asc(enterpriseServices.id));
}
