import { actorOf, findAuditTrail, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import { findOwnDemand } from '../demands/index.js';
import { notifyProjectReviewed, notifyProjectSubmitted } from '../notifications/index.js';
import { todayInCity } from '../shared/city-date.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../shared/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import { cleanText, type ProjectFields, parseInput, projectSchema } from '../validation/index.js';
import { assertActsForChain, isBureau } from './project-access.js';
import {
  countProjectsByStatus,
  findCollaborationOfDemand,
  findLiveProjectOfDemand,
  findProjects,
  findProjectTeams,
  findSupportIds,
  findSupportOfProjects,
  findTeamsOfDemand,
  insertProject,
  lockProject,
  replaceProjectTeams,
  updateProject,
} from './projects.repository.js';
import type {
  ChokepointProject,
  ProjectDetail,
  ProjectFilter,
  ProjectLibrary,
  ProjectSubmission,
  ProjectTeam,
  ReviewDecision,
} from './projects.types.js';
import { packageOf } from './support-package.js';

const REVIEW_NOTE_MAX = 2_000;

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value);
}

/** The library as staff browse it: the projects that pass the filter, and counts by status beside them. */
export async function listLibrary(db: Database, filter: ProjectFilter): Promise<ProjectLibrary> {
  const [projects, counts] = await Promise.all([findProjects(db, filter), countProjectsByStatus(db, filter)]);
  const countsByStatus = Object.fromEntries(PROJECT_STATUSES.map((status) => [status, 0])) as Record<
    ProjectStatus,
    number
  >;
  for (const row of counts) countsByStatus[row.status] = row.value;
  return {
    projects,
    countsByStatus,
    total: Object.values(countsByStatus).reduce((sum, value) => sum + value, 0),
  };
}

/** Refuses, before anything is read from a form, anyone who may not decide for the project's chain. */
export async function assertMayActOnProject(db: Database, user: User, projectId: number): Promise<void> {
  const [project] = await findProjects(db, { ids: [projectId] });
  if (!project) throw new NotFoundError('no such project');
  await assertActsForChain(db, user, project.chainCode);
}

/** A firm's own applications; nobody else's. */
export async function listProjectsOfFirm(db: Database, user: User): Promise<ChokepointProject[]> {
  if (user.role !== 'enterprise' || !user.enterpriseId)
    throw new ForbiddenError('only enterprises apply to the library');
  return findProjects(db, { enterpriseId: user.enterpriseId });
}

/** A project the user may see: its firm's, or any for the bureau. Anyone else's is "not found". */
export async function getProjectForUser(db: Database, user: User, id: number): Promise<ProjectDetail> {
  if (!isBureau(user) && user.role !== 'enterprise') throw new ForbiddenError('not for this role');
  const [project] = await findProjects(db, { ids: [id] });
  if (!project || (!isBureau(user) && project.enterpriseId !== user.enterpriseId))
    throw new NotFoundError('no such project');
  const [teams, support, supportIds] = await Promise.all([
    findProjectTeams(db, [id]),
    findSupportOfProjects(db, [id]),
    findSupportIds(db, id),
  ]);
  const history = [
    ...(await findAuditTrail(db, 'chokepoint_project', [id])),
    ...(await findAuditTrail(db, 'project_support', supportIds)),
  ].sort((left, right) => left.at.getTime() - right.at.getTime() || left.id - right.id);
  return {
    ...project,
    teams: teams.map(({ projectId: _projectId, ...team }) => team),
    support: packageOf(support),
    history,
  };
}

/** What the application form needs: the firm's choke-point demand, the teams on it, any live application. */
export async function applicationContext(db: Database, user: User, demandId: number) {
  const demand = await findOwnDemand(db, user, demandId);
  const [teams, collaborationId, liveProjectId] = await Promise.all([
    findTeamsOfDemand(db, demand.id),
    findCollaborationOfDemand(db, demand.id),
    findLiveProjectOfDemand(db, demand.id),
  ]);
  return { demand, teams, collaborationId, liveProjectId };
}

function checkTeams(fields: ProjectFields, offered: ProjectTeam[]): void {
  const allowed = new Set(offered.map((team) => team.teamId));
  if (fields.teamIds.some((id) => !allowed.has(id)))
    throw new ValidationError('a team not working on this demand', { teamIds: 'project.teamNotOnDemand' });
}

const snapshot = (fields: ProjectFields) => ({
  title: fields.title,
  budget: fields.budget,
  startsOn: fields.startsOn,
  endsOn: fields.endsOn,
  teamIds: fields.teamIds,
});

/**
 * A firm applies to enter the library from one of its choke-point demands, with the project plan.
 * The chain is the demand's; the collaboration on the demand, when there is one, is linked.
 */
export async function applyForProject(
  db: Database,
  user: User,
  demandId: number,
  submission: ProjectSubmission,
): Promise<number> {
  const context = await applicationContext(db, user, demandId);
  if (context.demand.demandClass !== 'chokepoint')
    throw new ValidationError('only a choke-point demand enters the library', {
      demand: 'project.notChokepoint',
    });
  if (context.liveProjectId !== null)
    throw new ConflictError('this demand already has an application', { demand: 'project.alreadyApplied' });
  const fields = parseInput(projectSchema, submission);
  checkTeams(fields, context.teams);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const { teamIds, ...values } = fields;
      const id = await insertProject(
        tx,
        {
          ...values,
          enterpriseId: context.demand.enterpriseId,
          demandId: context.demand.id,
          collaborationId: context.collaborationId,
          chainCode: context.demand.chainCode,
        },
        teamIds,
      );
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'project.applied',
          entityType: 'chokepoint_project',
          entityId: id,
          after: { ...snapshot(fields), demandId, status: 'submitted' },
        },
      ]);
      await notifyProjectSubmitted(tx, {
        project: {
          id,
          title: fields.title,
          enterpriseId: context.demand.enterpriseId,
          enterpriseName: context.demand.enterpriseName,
          chainCode: context.demand.chainCode,
        },
        resubmitted: false,
        actorUserId: user.id,
      });
      return id;
    }),
  );
}

/** The firm revises an application staff sent back, and submits it again for review. */
export async function resubmitProject(
  db: Database,
  user: User,
  projectId: number,
  submission: ProjectSubmission,
): Promise<void> {
  const project = await getProjectForUser(db, user, projectId);
  if (user.role !== 'enterprise') throw new ForbiddenError('only the firm revises its application');
  const fields = parseInput(projectSchema, submission);
  if (project.demandId !== null) checkTeams(fields, await findTeamsOfDemand(db, project.demandId));
  await withDomainErrors(() =>
    db.transaction(async (tx) => {
      const current = await lockProject(tx, projectId);
      if (current?.status !== 'changes_requested')
        throw new ConflictError('only an application sent back for changes is revised', {
          status: 'project.notRevisable',
        });
      const { teamIds, ...values } = fields;
      await updateProject(tx, projectId, { ...values, status: 'submitted', submittedAt: new Date() });
      await replaceProjectTeams(tx, projectId, teamIds);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'project.resubmitted',
          entityType: 'chokepoint_project',
          entityId: projectId,
          before: { status: current.status },
          after: { ...snapshot(fields), status: 'submitted' },
        },
      ]);
      await notifyProjectSubmitted(tx, {
        project: { ...project, title: fields.title },
        resubmitted: true,
        actorUserId: user.id,
      });
    }),
  );
}

const DECISIONS: Record<ReviewDecision, { status: ProjectStatus; action: string; needsNote: string | null }> =
  {
    admit: { status: 'admitted', action: 'project.admitted', needsNote: null },
    changes: {
      status: 'changes_requested',
      action: 'project.changes_requested',
      needsNote: 'project.changesNeedNote',
    },
    reject: { status: 'rejected', action: 'project.rejected', needsNote: 'project.rejectNeedsReason' },
  };

export function isReviewDecision(value: unknown): value is ReviewDecision {
  return typeof value === 'string' && value in DECISIONS;
}

/**
 * Staff of the project's chain decide on an application under review: admit it, send it back with a
 * note saying what to change, or reject it with a reason. Each decision is one audited transaction,
 * and the firm's notice of it is written in that same transaction.
 */
export async function reviewProject(
  db: Database,
  user: User,
  projectId: number,
  input: { decision: unknown; note?: unknown },
): Promise<ProjectStatus> {
  const [project] = await findProjects(db, { ids: [projectId] });
  if (!project) throw new NotFoundError('no such project');
  await assertActsForChain(db, user, project.chainCode);
  if (!isReviewDecision(input.decision))
    throw new ValidationError('unknown decision', { decision: 'validation.choose' });
  const decisionName = input.decision;
  const decision = DECISIONS[decisionName];
  const note = cleanText(input.note, REVIEW_NOTE_MAX);
  if (decision.needsNote && !note)
    throw new ValidationError('a note is needed', { note: decision.needsNote });
  const actor = actorOf(user);
  await db.transaction(async (tx) => {
    const current = await lockProject(tx, projectId);
    if (current?.status !== 'submitted')
      throw new ConflictError('only an application under review is decided', {
        status: 'project.notUnderReview',
      });
    await updateProject(tx, projectId, {
      status: decision.status,
      reviewNote: note || null,
      reviewedBy: actor.label,
      reviewedAt: new Date(),
      admittedOn: decision.status === 'admitted' ? todayInCity() : null,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: decision.action,
        entityType: 'chokepoint_project',
        entityId: projectId,
        before: { status: current.status },
        after: { status: decision.status, ...(note ? { note } : {}) },
      },
    ]);
    await notifyProjectReviewed(tx, { project, decision: decisionName, note, actorUserId: user.id });
  });
  return decision.status;
}
