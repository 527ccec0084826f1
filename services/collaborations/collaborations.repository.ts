import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { CollaborationStage, ConsentBasis } from '../shared/enums.js';
import type {
  Collaboration,
  CollaborationFilter,
  CollaborationSummary,
  Milestone,
} from './collaborations.types.js';

const { collaborations, collaborationTeams, milestones, demands, enterprises, teams, universities } = schema;

type CollaborationRow = typeof collaborations.$inferSelect;
type MilestoneRow = typeof milestones.$inferSelect;

function toCollaboration(row: CollaborationRow): Collaboration {
  return {
    ...row,
    stage: row.stage as CollaborationStage,
    consentBasis: row.consentBasis as ConsentBasis | null,
    contractValue: row.contractValue === null ? null : Number(row.contractValue),
    revenue: Number(row.revenue),
  };
}

export function toMilestone(row: MilestoneRow, today: string): Milestone {
  return {
    ...row,
    stage: row.stage as CollaborationStage,
    overdue: row.doneOn === null && row.dueOn < today,
  };
}

export async function insertCollaboration(
  tx: Database,
  values: {
    demandId: number;
    enterpriseId: number;
    leadTeamId: number;
    matchCandidateId: number;
    title: string;
    startedOn: string;
    consentBasis?: ConsentBasis | null;
  },
): Promise<Collaboration> {
  const [row] = await tx.insert(collaborations).values(values).returning();
  await tx
    .insert(collaborationTeams)
    .values({ collaborationId: row!.id, demandId: values.demandId, teamId: values.leadTeamId, isLead: true });
  return toCollaboration(row!);
}

export async function lockCollaboration(tx: Database, id: number): Promise<Collaboration | null> {
  const [row] = await tx.select().from(collaborations).where(eq(collaborations.id, id)).for('update');
  return row ? toCollaboration(row) : null;
}

export async function updateCollaboration(
  tx: Database,
  id: number,
  patch: Partial<
    Pick<CollaborationRow, 'stage' | 'contractValue' | 'patentsGranted' | 'newProducts' | 'revenue' | 'notes'>
  >,
): Promise<Collaboration> {
  const [row] = await tx
    .update(collaborations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(collaborations.id, id))
    .returning();
  return toCollaboration(row!);
}

/** Collaborations with names and how many of their milestones are overdue, newest first. */
export async function findCollaborationSummaries(
  db: Database,
  filter: CollaborationFilter & { ids?: number[] },
  today: string,
): Promise<CollaborationSummary[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const overdue = sql<number>`(select count(*)::int from ${milestones} where ${milestones.collaborationId} = ${collaborations.id} and ${milestones.doneOn} is null and ${milestones.dueOn} < ${today})`;
  const rows = await db
    .select({
      collaboration: collaborations,
      enterpriseName: enterprises.name,
      leadTeamName: teams.nameZh,
      universityName: universities.nameZh,
      chainCode: demands.chainCode,
      overdueMilestones: overdue,
    })
    .from(collaborations)
    .innerJoin(demands, eq(demands.id, collaborations.demandId))
    .innerJoin(enterprises, eq(enterprises.id, collaborations.enterpriseId))
    .innerJoin(teams, eq(teams.id, collaborations.leadTeamId))
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(
      and(
        filter.ids ? inArray(collaborations.id, filter.ids) : undefined,
        filter.chainCode ? eq(demands.chainCode, filter.chainCode) : undefined,
        filter.stage ? eq(collaborations.stage, filter.stage) : undefined,
        filter.enterpriseId ? eq(collaborations.enterpriseId, filter.enterpriseId) : undefined,
      ),
    )
    .orderBy(desc(collaborations.startedOn), desc(collaborations.id));
  return rows.map((row) => ({
    ...toCollaboration(row.collaboration),
    enterpriseName: row.enterpriseName,
    leadTeamName: row.leadTeamName,
    universityName: row.universityName,
    chainCode: row.chainCode,
    overdueMilestones: Number(row.overdueMilestones),
  }));
}

export async function findDemandTitle(db: Database, demandId: number): Promise<string> {
  const [row] = await db.select({ title: demands.title }).from(demands).where(eq(demands.id, demandId));
  return row?.title ?? '';
}

export async function findCollaborationTeams(db: Database, collaborationId: number) {
  return db
    .select({
      teamId: teams.id,
      teamName: teams.nameZh,
      universityName: universities.nameZh,
      isLead: collaborationTeams.isLead,
    })
    .from(collaborationTeams)
    .innerJoin(teams, eq(teams.id, collaborationTeams.teamId))
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(eq(collaborationTeams.collaborationId, collaborationId))
    .orderBy(desc(collaborationTeams.isLead), asc(teams.nameZh));
}

export async function findMilestones(
  db: Database,
  collaborationId: number,
  today: string,
): Promise<Milestone[]> {
  const rows = await db
    .select()
    .from(milestones)
    .where(eq(milestones.collaborationId, collaborationId))
    .orderBy(asc(milestones.dueOn), asc(milestones.id));
  return rows.map((row) => toMilestone(row, today));
}

export async function insertMilestone(
  tx: Database,
  values: { collaborationId: number; stage: CollaborationStage; title: string; dueOn: string },
  today: string,
): Promise<Milestone> {
  const [row] = await tx.insert(milestones).values(values).returning();
  return toMilestone(row!, today);
}

export async function lockMilestone(tx: Database, id: number, today: string): Promise<Milestone | null> {
  const [row] = await tx.select().from(milestones).where(eq(milestones.id, id)).for('update');
  return row ? toMilestone(row, today) : null;
}

export async function setMilestoneDone(
  tx: Database,
  id: number,
  doneOn: string | null,
  today: string,
): Promise<Milestone> {
  const [row] = await tx.update(milestones).set({ doneOn }).where(eq(milestones.id, id)).returning();
  return toMilestone(row!, today);
}

export async function findMilestoneIds(db: Database, collaborationId: number): Promise<number[]> {
  const rows = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.collaborationId, collaborationId));
  return rows.map((row) => row.id);
}
