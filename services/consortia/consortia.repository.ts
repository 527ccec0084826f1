import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { ChainCode, ConsortiumRole, ConsortiumStatus, ConsortiumTaskStatus } from '../shared/enums.js';
import type { Consortium, ConsortiumMember, ConsortiumTask, MemberKind } from './consortia.types.js';

const {
  consortia,
  consortiumMembers: members,
  consortiumTasks: tasks,
  enterprises,
  teams,
  universities,
  demands,
  collaborations,
  chokepointProjects: projects,
} = schema;

type ConsortiumRow = typeof consortia.$inferSelect;
export type ConsortiumValues = Pick<
  typeof consortia.$inferInsert,
  'name' | 'leadEnterpriseId' | 'technologyLine' | 'chainCode' | 'description' | 'status'
>;

export async function findConsortia(
  db: Database,
  filter: { ids?: number[]; chainCode?: ChainCode | null; memberIds?: number[] },
): Promise<Consortium[]> {
  if (filter.ids?.length === 0 || filter.memberIds?.length === 0) return [];
  const memberCount = sql<number>`(select count(*)::int from ${members} where ${members.consortiumId} = ${consortia.id})`;
  const taskCount = sql<number>`(select count(*)::int from ${tasks} where ${tasks.consortiumId} = ${consortia.id})`;
  const rows = await db
    .select({ consortium: consortia, leadEnterpriseName: enterprises.name, memberCount, taskCount })
    .from(consortia)
    .innerJoin(enterprises, eq(enterprises.id, consortia.leadEnterpriseId))
    .where(
      and(
        filter.ids ? inArray(consortia.id, filter.ids) : undefined,
        filter.memberIds ? inArray(consortia.id, filter.memberIds) : undefined,
        filter.chainCode ? eq(consortia.chainCode, filter.chainCode) : undefined,
      ),
    )
    .orderBy(asc(consortia.chainCode), asc(consortia.name));
  return rows.map((row) => ({
    ...toConsortium(row.consortium),
    leadEnterpriseName: row.leadEnterpriseName,
    memberCount: Number(row.memberCount),
    taskCount: Number(row.taskCount),
  }));
}

function toConsortium(row: ConsortiumRow) {
  return {
    id: row.id,
    name: row.name,
    leadEnterpriseId: row.leadEnterpriseId,
    technologyLine: row.technologyLine,
    chainCode: row.chainCode as ChainCode,
    description: row.description,
    status: row.status as ConsortiumStatus,
  };
}

/** The consortia an account belongs to: as the firm, as the team, or as the team's university. */
export async function findConsortiumIdsOfMember(
  db: Database,
  member: { enterpriseId: number | null; teamId: number | null; universityId: number | null },
): Promise<number[]> {
  const conditions: SQL[] = [];
  if (member.enterpriseId) conditions.push(eq(members.enterpriseId, member.enterpriseId));
  if (member.teamId) conditions.push(eq(members.teamId, member.teamId));
  if (member.universityId) conditions.push(eq(members.universityId, member.universityId));
  if (conditions.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: members.consortiumId })
    .from(members)
    .where(or(...conditions));
  return rows.map((row) => row.id);
}

export async function findUniversityOfTeam(db: Database, teamId: number): Promise<number | null> {
  const [row] = await db.select({ id: teams.universityId }).from(teams).where(eq(teams.id, teamId));
  return row?.id ?? null;
}

export async function insertConsortium(tx: Database, values: ConsortiumValues): Promise<number> {
  const [row] = await tx.insert(consortia).values(values).returning({ id: consortia.id });
  return row!.id;
}

export async function lockConsortium(tx: Database, id: number): Promise<ConsortiumRow | null> {
  const [row] = await tx.select().from(consortia).where(eq(consortia.id, id)).for('update');
  return row ?? null;
}

export async function updateConsortium(
  tx: Database,
  id: number,
  patch: Partial<ConsortiumValues>,
): Promise<void> {
  await tx
    .update(consortia)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(consortia.id, id));
}

export async function findMembers(db: Database, consortiumId: number): Promise<ConsortiumMember[]> {
  const rows = await db
    .select({
      id: members.id,
      role: members.role,
      enterpriseId: members.enterpriseId,
      teamId: members.teamId,
      universityId: members.universityId,
      enterpriseName: enterprises.name,
      teamName: teams.nameZh,
      universityName: universities.nameZh,
    })
    .from(members)
    .leftJoin(enterprises, eq(enterprises.id, members.enterpriseId))
    .leftJoin(teams, eq(teams.id, members.teamId))
    .leftJoin(
      universities,
      or(eq(universities.id, members.universityId), eq(universities.id, teams.universityId)),
    )
    .where(eq(members.consortiumId, consortiumId))
    .orderBy(asc(members.id));
  const order: ConsortiumRole[] = ['lead', 'supporting', 'upstream', 'downstream'];
  return rows
    .map((row): ConsortiumMember => {
      const kind: MemberKind = row.enterpriseId ? 'enterprise' : row.teamId ? 'team' : 'university';
      return {
        id: row.id,
        role: row.role as ConsortiumRole,
        kind,
        memberId: (row.enterpriseId ?? row.teamId ?? row.universityId)!,
        name:
          (kind === 'enterprise'
            ? row.enterpriseName
            : kind === 'team'
              ? row.teamName
              : row.universityName) ?? '',
        universityName: kind === 'team' ? row.universityName : null,
      };
    })
    .sort((left, right) => order.indexOf(left.role) - order.indexOf(right.role) || left.id - right.id);
}

export async function insertMember(
  tx: Database,
  consortiumId: number,
  kind: MemberKind,
  memberId: number,
  role: ConsortiumRole,
): Promise<number> {
  const [row] = await tx
    .insert(members)
    .values({
      consortiumId,
      role,
      enterpriseId: kind === 'enterprise' ? memberId : null,
      teamId: kind === 'team' ? memberId : null,
      universityId: kind === 'university' ? memberId : null,
    })
    .returning({ id: members.id });
  return row!.id;
}

export async function deleteMember(tx: Database, consortiumId: number, memberId: number) {
  const [row] = await tx
    .delete(members)
    .where(and(eq(members.id, memberId), eq(members.consortiumId, consortiumId)))
    .returning();
  return row ?? null;
}

export async function findTasks(
  db: Database,
  consortiumIds: number[],
): Promise<(ConsortiumTask & { consortiumId: number })[]> {
  if (consortiumIds.length === 0) return [];
  const rows = await db
    .select({
      task: tasks,
      demandTitle: demands.title,
      collaborationTitle: collaborations.title,
      projectTitle: projects.title,
    })
    .from(tasks)
    .leftJoin(demands, eq(demands.id, tasks.demandId))
    .leftJoin(collaborations, eq(collaborations.id, tasks.collaborationId))
    .leftJoin(projects, eq(projects.id, tasks.projectId))
    .where(inArray(tasks.consortiumId, consortiumIds))
    .orderBy(asc(tasks.id));
  return rows.map((row) => ({
    id: row.task.id,
    consortiumId: row.task.consortiumId,
    title: row.task.title,
    description: row.task.description,
    status: row.task.status as ConsortiumTaskStatus,
    demandId: row.task.demandId,
    demandTitle: row.demandTitle,
    collaborationId: row.task.collaborationId,
    collaborationTitle: row.collaborationTitle,
    projectId: row.task.projectId,
    projectTitle: row.projectTitle,
  }));
}

export async function insertTask(tx: Database, values: typeof tasks.$inferInsert): Promise<number> {
  const [row] = await tx.insert(tasks).values(values).returning({ id: tasks.id });
  return row!.id;
}

export async function updateTaskStatus(
  tx: Database,
  consortiumId: number,
  taskId: number,
  status: ConsortiumTaskStatus,
) {
  const [row] = await tx
    .update(tasks)
    .set({ status })
    .where(and(eq(tasks.id, taskId), eq(tasks.consortiumId, consortiumId)))
    .returning({ id: tasks.id });
  return row?.id ?? null;
}

export async function findTaskIds(db: Database, consortiumId: number): Promise<number[]> {
  const rows = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.consortiumId, consortiumId));
  return rows.map((row) => row.id);
}

/** A demand's firm and text, to check it is a member's and to read it into the consortium's query. */
export async function findDemandsOf(db: Database, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: demands.id,
      enterpriseId: demands.enterpriseId,
      title: demands.title,
      description: demands.description,
    })
    .from(demands)
    .where(inArray(demands.id, ids));
}

export async function findCollaborationDemand(db: Database, id: number): Promise<number | null> {
  const [row] = await db
    .select({ demandId: collaborations.demandId })
    .from(collaborations)
    .where(eq(collaborations.id, id));
  return row?.demandId ?? null;
}

export async function findProjectDemand(
  db: Database,
  id: number,
): Promise<{ demandId: number | null } | null> {
  const [row] = await db.select({ demandId: projects.demandId }).from(projects).where(eq(projects.id, id));
  return row ?? null;
}

export async function enterpriseExists(db: Database, id: number): Promise<boolean> {
  return (await db.$count(enterprises, eq(enterprises.id, id))) > 0;
}
