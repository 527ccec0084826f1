import { actorOf, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { announceChanges, withDomainErrors } from '../db/index.js';
import { notifyDemandPublished } from '../notifications/index.js';
import type { DemandStatus } from '../shared/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import {
  findDemandById,
  findDemandsByIds,
  findIntroducedDemandIds,
  insertDemand,
  listAllDemands,
  listDemandIdsVisibleToProfile,
  listDemandsOfEnterprises,
  lockDemand,
  OPEN_DEMAND_STATUSES,
  titleTakenByEnterprise,
  updateDemand,
} from './demands.repository.js';
import type {
  Demand,
  DemandIntent,
  DemandSubmission,
  PortalDependencies,
  ProfileLink,
} from './demands.types.js';
import { parseDemandInput } from './demands.validation.js';

/** Staff and administrators see every demand; this many at most on one list. */
const STAFF_LIST_LIMIT = 500;

export const profileLinkOf = (user: User): ProfileLink => ({
  teamId: user.teamId,
  facultyId: user.facultyId,
});

export const isOpen = (demand: Pick<Demand, 'status'>): boolean =>
  (OPEN_DEMAND_STATUSES as readonly string[]).includes(demand.status);

const isStaff = (user: User) => user.role === 'staff' || user.role === 'admin';

/**
 * The visibility rule: a demand's own enterprise and bureau staff see it; a university team or
 * faculty member sees an open public demand, or a confidential one staff introduced them to.
 */
async function visibleTo(db: Database, user: User, demands: Demand[]): Promise<Demand[]> {
  if (isStaff(user)) return demands;
  if (user.role === 'enterprise')
    return demands.filter((demand) => demand.enterpriseId === user.enterpriseId);
  if (user.role !== 'university') return [];
  const confidential = demands
    .filter((demand) => demand.visibility === 'confidential')
    .map((demand) => demand.id);
  const introduced = await findIntroducedDemandIds(db, confidential, profileLinkOf(user));
  return demands.filter((demand) =>
    demand.visibility === 'public' ? isOpen(demand) : introduced.has(demand.id),
  );
}

export async function filterVisibleDemands(db: Database, user: User, demands: Demand[]): Promise<Demand[]> {
  return visibleTo(db, user, demands);
}

/** A demand this user may see; any other id (unknown or not theirs to see) is "not found", so ids do not leak. */
export async function findVisibleDemand(db: Database, user: User, demandId: number): Promise<Demand> {
  return visibleDemandOf(db, user, await findDemandById(db, demandId));
}

/** The same rule for a demand already read (null: there is none). */
async function visibleDemandOf(db: Database, user: User, demand: Demand | null): Promise<Demand> {
  const [visible] = demand ? await visibleTo(db, user, [demand]) : [];
  if (!visible) throw new NotFoundError('no such demand');
  return visible;
}

/** A demand of the user's own enterprise. Others who may see it are refused; anyone else is told it is not there. */
export async function findOwnDemand(db: Database, user: User, demandId: number): Promise<Demand> {
  const demand = await findVisibleDemand(db, user, demandId);
  if (user.role !== 'enterprise' || demand.enterpriseId !== user.enterpriseId)
    throw new ForbiddenError('only the enterprise that posted a demand may change it');
  return demand;
}

/** Owner or staff: who may see the candidates for a demand. */
export async function findDemandForCandidates(db: Database, user: User, demandId: number): Promise<Demand> {
  return demandForCandidatesOf(db, user, await findDemandById(db, demandId));
}

/** The same rule for a demand already read (null: there is none): "not found" as above, or refused. */
export async function demandForCandidatesOf(
  db: Database,
  user: User,
  demand: Demand | null,
): Promise<Demand> {
  const visible = await visibleDemandOf(db, user, demand);
  if (!isStaff(user) && !(user.role === 'enterprise' && visible.enterpriseId === user.enterpriseId))
    throw new ForbiddenError('only the enterprise and staff see a demand’s candidates');
  return visible;
}

export async function listDemandsForUser(db: Database, user: User): Promise<Demand[]> {
  if (isStaff(user)) return listAllDemands(db, STAFF_LIST_LIMIT);
  if (user.role === 'enterprise' && user.enterpriseId)
    return listDemandsOfEnterprises(db, [user.enterpriseId]);
  if (user.role === 'university') {
    const visible = await listDemandIdsVisibleToProfile(db, profileLinkOf(user), STAFF_LIST_LIMIT);
    return findDemandsByIds(
      db,
      visible.map((demand) => demand.id),
    );
  }
  return [];
}

export function parseIntent(value: unknown): DemandIntent {
  return value === 'publish' ? 'publish' : value === 'draft' ? 'draft' : 'keep';
}

function statusAfter(current: DemandStatus | null, intent: DemandIntent): DemandStatus {
  if (intent === 'publish') return current === 'matched' ? 'matched' : 'published';
  if (intent === 'draft') {
    if (current && current !== 'draft') throw new ConflictError('a published demand cannot go back to draft');
    return 'draft';
  }
  return current ?? 'draft';
}

/**
 * Runs a demand write in one transaction: lock, audit, append to the change feed. Once committed
 * the save stands: this process's index is given a bounded wait to apply the change so the next
 * page already ranks it, and if it is slow the page says the ranking is being updated.
 */
async function writeDemand(
  deps: PortalDependencies,
  work: (tx: Database) => Promise<number | null>,
): Promise<void> {
  const position = await withDomainErrors(() => deps.db.transaction(work));
  if (position) await deps.matching.awaitChange(position);
}

export async function createDemand(
  deps: PortalDependencies,
  user: User,
  submission: DemandSubmission,
  intent: DemandIntent,
): Promise<Demand> {
  if (user.role !== 'enterprise' || !user.enterpriseId)
    throw new ForbiddenError('only enterprises post demands');
  const enterpriseId = user.enterpriseId;
  const fields = parseDemandInput(submission);
  let createdId: number | null = null;
  await writeDemand(deps, async (tx) => {
    if (await titleTakenByEnterprise(tx, enterpriseId, fields.title, null))
      throw new ValidationError('title taken', { title: 'validation.titleTaken' });
    const status = statusAfter(null, intent);
    const id = await insertDemand(tx, { ...fields, enterpriseId, status });
    await insertAuditEntries(tx, actorOf(user), [
      { action: 'demand.created', entityType: 'demand', entityId: id, after: { ...fields, status } },
    ]);
    if (status === 'published') await notifyDemandPublished(tx, { demandId: id, actorUserId: user.id });
    createdId = id;
    return announceChanges(tx, { entity: 'demand', ids: [id] });
  });
  const demand = await findDemandById(deps.db, createdId!);
  return demand!;
}

function changedFields(before: Demand, after: Record<string, unknown>) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const previous = before[key as keyof Demand];
    if (previous !== value) {
      was[key] = previous;
      now[key] = value;
    }
  }
  return { was, now };
}

export async function updateOwnDemand(
  deps: PortalDependencies,
  user: User,
  demandId: number,
  submission: DemandSubmission,
  intent: DemandIntent,
): Promise<Demand> {
  const current = await findOwnDemand(deps.db, user, demandId);
  if (current.status === 'closed') throw new ConflictError('a closed demand cannot be edited');
  const fields = parseDemandInput(submission, current.deadline);
  await writeDemand(deps, async (tx) => {
    await lockDemand(tx, demandId);
    const before = await findDemandById(tx, demandId);
    if (!before || before.status === 'closed') throw new ConflictError('the demand was closed meanwhile');
    if (await titleTakenByEnterprise(tx, before.enterpriseId, fields.title, demandId))
      throw new ValidationError('title taken', { title: 'validation.titleTaken' });
    const status = statusAfter(before.status, intent);
    const { was, now } = changedFields(before, { ...fields, status });
    if (Object.keys(now).length === 0) return null;
    await updateDemand(tx, demandId, { ...fields, status });
    await insertAuditEntries(tx, actorOf(user), [
      { action: 'demand.updated', entityType: 'demand', entityId: demandId, before: was, after: now },
    ]);
    if (before.status === 'draft' && status === 'published')
      await notifyDemandPublished(tx, { demandId, actorUserId: user.id });
    return announceChanges(tx, { entity: 'demand', ids: [demandId] });
  });
  const demand = await findDemandById(deps.db, demandId);
  return demand!;
}

export async function closeOwnDemand(
  deps: PortalDependencies,
  user: User,
  demandId: number,
): Promise<Demand> {
  await findOwnDemand(deps.db, user, demandId);
  await writeDemand(deps, async (tx) => {
    await lockDemand(tx, demandId);
    const before = await findDemandById(tx, demandId);
    if (!before || before.status === 'closed') throw new ConflictError('the demand is already closed');
    await updateDemand(tx, demandId, { status: 'closed' });
    await insertAuditEntries(tx, actorOf(user), [
      {
        action: 'demand.closed',
        entityType: 'demand',
        entityId: demandId,
        before: { status: before.status },
        after: { status: 'closed' },
      },
    ]);
    return announceChanges(tx, { entity: 'demand', ids: [demandId] });
  });
  const demand = await findDemandById(deps.db, demandId);
  return demand!;
}

/**
 * A demand a collaboration now answers is "matched", inside the accepting transaction that holds
 * its lock (see lockDemand); the caller announces the change when its other writes are done.
 */
export async function markDemandMatched(tx: Database, demandId: number): Promise<void> {
  await updateDemand(tx, demandId, { status: 'matched' });
}

export { lockDemand };
