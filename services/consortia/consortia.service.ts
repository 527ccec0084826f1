import { actorOf, findAuditTrail, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import type { MatchingService, RankedProfile } from '../matching/index.js';
import { assertActsForChain, isBureau } from '../projects/index.js';
import { type ChainCode, CONSORTIUM_TASK_STATUSES, type ConsortiumTaskStatus } from '../shared/enums.js';
import {
  ConflictError,
  DuplicateRecordError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  violatedConstraint,
} from '../shared/errors.js';
import type { User } from '../users/index.js';
import {
  consortiumMemberSchema,
  consortiumSchema,
  consortiumTaskSchema,
  fieldProblemsOf,
  parseInput,
} from '../validation/index.js';
import {
  deleteMember,
  enterpriseExists,
  findCollaborationDemand,
  findConsortia,
  findConsortiumIdsOfMember,
  findDemandsOf,
  findMembers,
  findProjectDemand,
  findTaskIds,
  findTasks,
  findUniversityOfTeam,
  insertConsortium,
  insertMember,
  insertTask,
  lockConsortium,
  updateConsortium,
  updateTaskStatus,
} from './consortia.repository.js';
import type { Consortium, ConsortiumDetail, ConsortiumInput, TaskInput } from './consortia.types.js';

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

export function listConsortia(
  db: Database,
  filter: { chainCode?: ChainCode | null } = {},
): Promise<Consortium[]> {
  return findConsortia(db, filter);
}

async function memberConsortiumIds(db: Database, user: User): Promise<number[]> {
  const universityId = user.teamId ? await findUniversityOfTeam(db, user.teamId) : null;
  return findConsortiumIdsOfMember(db, {
    enterpriseId: user.enterpriseId,
    teamId: user.teamId,
    universityId,
  });
}

/** The consortia a firm or a university team belongs to: what "my consortium" shows them. */
export async function listConsortiaOfMember(db: Database, user: User): Promise<Consortium[]> {
  if (user.role !== 'enterprise' && user.role !== 'university')
    throw new ForbiddenError('only members have consortia of their own');
  return findConsortia(db, { memberIds: await memberConsortiumIds(db, user) });
}

/** A consortium's page: for the bureau, and for its members; to anyone else it is not there. */
export async function getConsortiumForUser(db: Database, user: User, id: number): Promise<ConsortiumDetail> {
  const [consortium] = await findConsortia(db, { ids: [id] });
  if (!consortium) throw new NotFoundError('no such consortium');
  if (!isBureau(user) && !(await memberConsortiumIds(db, user)).includes(id))
    throw new NotFoundError('no such consortium');
  const [members, tasks, taskIds] = await Promise.all([
    findMembers(db, id),
    findTasks(db, [id]),
    findTaskIds(db, id),
  ]);
  const history = [
    ...(await findAuditTrail(db, 'consortium', [id])),
    ...(await findAuditTrail(db, 'consortium_task', taskIds)),
  ].sort((left, right) => left.at.getTime() - right.at.getTime() || left.id - right.id);
  return { ...consortium, members, tasks: tasks.map(({ consortiumId: _id, ...task }) => task), history };
}

async function nameTakenAsConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await withDomainErrors(write);
  } catch (error) {
    if (violatedConstraint(error) === 'consortia_name_unique')
      throw new ConflictError('name taken', { name: 'consortium.nameTaken' });
    throw error;
  }
}

/** Staff of a chain set up a consortium led by a firm; the lead firm is its first member. */
export async function createConsortium(db: Database, user: User, input: ConsortiumInput): Promise<number> {
  const values = parseInput(consortiumSchema, input);
  await assertActsForChain(db, user, values.chainCode);
  if (!(await enterpriseExists(db, values.leadEnterpriseId)))
    throw new ValidationError('no such firm', { leadEnterpriseId: 'validation.choose' });
  return nameTakenAsConflict(() =>
    db.transaction(async (tx) => {
      const id = await insertConsortium(tx, values);
      await insertMember(tx, id, 'enterprise', values.leadEnterpriseId, 'lead');
      await insertAuditEntries(tx, actorOf(user), [
        { action: 'consortium.created', entityType: 'consortium', entityId: id, after: values },
      ]);
      return id;
    }),
  );
}

async function lockedForStaff(tx: Database, user: User, id: number) {
  const current = await lockConsortium(tx, id);
  if (!current) throw new NotFoundError('no such consortium');
  await assertActsForChain(tx, user, current.chainCode);
  return current;
}

/** Refuses, before anything is read from a form, anyone who may not keep this consortium. */
export async function assertMayKeepConsortium(db: Database, user: User, id: number): Promise<void> {
  const [consortium] = await findConsortia(db, { ids: [id] });
  if (!consortium) throw new NotFoundError('no such consortium');
  await assertActsForChain(db, user, consortium.chainCode);
}

/** Changes the name, line, description or status; the lead firm and the chain stay as founded. */
export async function updateConsortiumDetails(
  db: Database,
  user: User,
  id: number,
  input: ConsortiumInput,
): Promise<void> {
  await nameTakenAsConflict(() =>
    db.transaction(async (tx) => {
      const current = await lockedForStaff(tx, user, id);
      const values = parseInput(consortiumSchema, {
        ...input,
        chainCode: current.chainCode,
        leadEnterpriseId: current.leadEnterpriseId,
      });
      const { leadEnterpriseId: _lead, chainCode: _chain, ...patch } = values;
      await updateConsortium(tx, id, patch);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'consortium.updated',
          entityType: 'consortium',
          entityId: id,
          before: { name: current.name, technologyLine: current.technologyLine, status: current.status },
          after: patch,
        },
      ]);
    }),
  );
}

/** Adds a firm, a university team or a university with its role; only the founding firm leads. */
export async function addConsortiumMember(
  db: Database,
  user: User,
  id: number,
  input: { kind?: unknown; memberId?: unknown; role?: unknown },
): Promise<void> {
  const { kind, memberId, role } = parseInput(consortiumMemberSchema, input);
  if (role === 'lead') throw new ValidationError('one lead firm', { role: 'consortium.oneLead' });
  if (kind !== 'enterprise' && role !== 'supporting')
    throw new ValidationError('universities and teams support', { role: 'consortium.academiaSupports' });
  await withDomainErrors(() =>
    db.transaction(async (tx) => {
      await lockedForStaff(tx, user, id);
      const rowId = await insertMember(tx, id, kind, memberId, role);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'consortium.member_added',
          entityType: 'consortium',
          entityId: id,
          after: { memberRowId: rowId, kind, memberId, role },
        },
      ]);
    }),
  ).catch((error: unknown) => {
    if (error instanceof DuplicateRecordError)
      throw new ConflictError('already a member', { memberId: 'consortium.alreadyMember' });
    throw error;
  });
}

export async function removeConsortiumMember(
  db: Database,
  user: User,
  id: number,
  memberRowId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockedForStaff(tx, user, id);
    const removed = await deleteMember(tx, id, memberRowId);
    if (!removed) throw new NotFoundError('no such member');
    if (removed.role === 'lead')
      throw new ConflictError('the lead firm stays', { member: 'consortium.leadStays' });
    await insertAuditEntries(tx, actorOf(user), [
      { action: 'consortium.member_removed', entityType: 'consortium', entityId: id, before: removed },
    ]);
  });
}

async function memberFirmIds(db: Database, id: number): Promise<Set<number>> {
  return new Set(
    (await findMembers(db, id))
      .filter((member) => member.kind === 'enterprise')
      .map((member) => member.memberId),
  );
}

/**
 * Adds a joint task. A linked demand must be a member firm's; a linked collaboration or project
 * must be on that demand, so the task's links tell one story.
 */
export async function addConsortiumTask(
  db: Database,
  user: User,
  id: number,
  input: TaskInput,
): Promise<number> {
  const result = consortiumTaskSchema.safeParse(input);
  const problems = result.success ? {} : fieldProblemsOf(result.error);
  const demandId = result.data?.demandId ?? null;
  const [demand] = demandId ? await findDemandsOf(db, [demandId]) : [];
  if (result.success && !result.data.title && !demand) problems.title = 'validation.required';
  if (demandId && !demand) problems.demandId = 'validation.choose';
  if (!result.success || Object.keys(problems).length > 0)
    throw new ValidationError('invalid input', problems);
  const { title, description, collaborationId, projectId } = result.data;
  if (demand && !(await memberFirmIds(db, id)).has(demand.enterpriseId))
    throw new ValidationError('not a member’s demand', { demandId: 'consortium.demandNotMember' });
  if (collaborationId) {
    const onDemand = await findCollaborationDemand(db, collaborationId);
    if (onDemand === null || (demand && onDemand !== demand.id))
      throw new ValidationError('collaboration on another demand', {
        collaborationId: 'consortium.linkMismatch',
      });
  }
  if (projectId) {
    const project = await findProjectDemand(db, projectId);
    if (!project || (demand && project.demandId !== demand.id))
      throw new ValidationError('project on another demand', { projectId: 'consortium.linkMismatch' });
  }
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      await lockedForStaff(tx, user, id);
      const values = {
        consortiumId: id,
        title: title || demand!.title,
        description,
        demandId: demand?.id ?? null,
        collaborationId,
        projectId,
      };
      const taskId = await insertTask(tx, values);
      await insertAuditEntries(tx, actorOf(user), [
        { action: 'consortium.task_added', entityType: 'consortium_task', entityId: taskId, after: values },
      ]);
      return taskId;
    }),
  ).catch((error: unknown) => {
    if (error instanceof DuplicateRecordError)
      throw new ConflictError('already a task', { demandId: 'consortium.alreadyTask' });
    throw error;
  });
}

/** Marks a member firm's demand as one of the consortium's joint tasks. */
export function markDemandAsTask(db: Database, user: User, id: number, demandId: number): Promise<number> {
  return addConsortiumTask(db, user, id, { demandId: String(demandId) });
}

export async function setConsortiumTaskStatus(
  db: Database,
  user: User,
  id: number,
  taskId: number,
  status: unknown,
): Promise<void> {
  if (!oneOf(CONSORTIUM_TASK_STATUSES, status))
    throw new ValidationError('unknown status', { status: 'validation.choose' });
  await db.transaction(async (tx) => {
    await lockedForStaff(tx, user, id);
    if ((await updateTaskStatus(tx, id, taskId, status as ConsortiumTaskStatus)) === null)
      throw new NotFoundError('no such task');
    await insertAuditEntries(tx, actorOf(user), [
      {
        action: 'consortium.task_status',
        entityType: 'consortium_task',
        entityId: taskId,
        after: { status },
      },
    ]);
  });
}

/**
 * Ranks the city's teams for the consortium's line as a whole: the line, its description, and the
 * text of every demand its tasks stand for, read as one query by the existing matcher. Teams already
 * in the consortium are marked, since the point is usually to find who else could join.
 */
export async function rankTeamsForConsortium(
  db: Database,
  matching: MatchingService,
  user: User,
  id: number,
  k = 15,
): Promise<(RankedProfile & { isMember: boolean })[]> {
  const consortium = await getConsortiumForUser(db, user, id);
  const demands = await findDemandsOf(
    db,
    consortium.tasks.flatMap((task) => (task.demandId ? [task.demandId] : [])),
  );
  const ranked = await matching.rankProfiles(
    {
      id: `consortium:${id}`,
      kind: 'demand',
      title: consortium.technologyLine,
      keywords: consortium.tasks.map((task) => task.title),
      text: [
        consortium.description,
        ...demands.map((demand) => `${demand.title} ${demand.description}`),
      ].join('\n'),
    },
    { kind: 'team', k },
  );
  const memberTeams = new Set(
    consortium.members.filter((member) => member.kind === 'team').map((member) => member.memberId),
  );
  return ranked.map((team) => ({ ...team, isMember: memberTeams.has(team.id) }));
}
