import { type Actor, findAuditTrail, insertAuditEntries } from '../audit/index.js';
import { findAgreementsOfPairs } from '../brokering/agreements.repository.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import { notifyStageChanged } from '../notifications/index.js';
import { todayInCity } from '../shared/city-date.js';
import { COLLABORATION_STAGES, type CollaborationStage } from '../shared/enums.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import {
  cleanText,
  milestoneDoneSchema,
  milestoneSchema,
  outcomesSchema,
  parseInput,
} from '../validation/index.js';
import {
  findCollaborationSummaries,
  findCollaborationTeams,
  findDemandTitle,
  findMilestoneIds,
  findMilestones,
  insertMilestone,
  lockCollaboration,
  lockMilestone,
  setMilestoneDone,
  updateCollaboration,
} from './collaborations.repository.js';
import type {
  Collaboration,
  CollaborationDetail,
  CollaborationFilter,
  CollaborationSummary,
  Milestone,
  MilestoneInput,
  OutcomesInput,
} from './collaborations.types.js';

const NOTE_MAX_LENGTH = 2_000;

export function isStage(value: unknown): value is CollaborationStage {
  return typeof value === 'string' && (COLLABORATION_STAGES as readonly string[]).includes(value);
}

export function listCollaborations(
  db: Database,
  filter: CollaborationFilter = {},
): Promise<CollaborationSummary[]> {
  return findCollaborationSummaries(db, filter, todayInCity());
}

export async function getCollaboration(db: Database, id: number): Promise<CollaborationDetail> {
  const today = todayInCity();
  const [summary] = await findCollaborationSummaries(db, { ids: [id] }, today);
  if (!summary) throw new NotFoundError('no such collaboration');
  const [demandTitle, teams, milestones, milestoneIds, agreements] = await Promise.all([
    findDemandTitle(db, summary.demandId),
    findCollaborationTeams(db, id),
    findMilestones(db, id, today),
    findMilestoneIds(db, id),
    summary.consentBasis === 'recorded_agreement' && summary.matchCandidateId !== null
      ? findAgreementsOfPairs(db, [summary.matchCandidateId])
      : [],
  ]);
  const history = [
    ...(await findAuditTrail(db, 'collaboration', [id])),
    ...(await findAuditTrail(db, 'milestone', milestoneIds)),
  ].sort((left, right) => left.at.getTime() - right.at.getTime() || left.id - right.id);
  return { ...summary, demandTitle, teams, milestones, history, agreement: agreements[0] ?? null };
}

async function lockedCollaboration(tx: Database, id: number): Promise<Collaboration> {
  const collaboration = await lockCollaboration(tx, id);
  if (!collaboration) throw new NotFoundError('no such collaboration');
  return collaboration;
}

function appendNote(notes: string, actor: Actor, text: string): string {
  const line = `${todayInCity()} ${actor.label}: ${text}`;
  return notes ? `${notes}\n${line}` : line;
}

/**
 * Moves a collaboration to another of the four stages. Forward, only to the next one: a stage is
 * not skipped without the work it stands for. Back, to any earlier stage, but only with a note
 * saying why, since going back means something went wrong and the record must tell what.
 */
export async function moveStage(
  db: Database,
  actor: Actor,
  id: number,
  input: { to: unknown; note?: unknown },
): Promise<Collaboration> {
  if (!isStage(input.to)) throw new ValidationError('unknown stage', { to: 'validation.choose' });
  const target = input.to;
  const note = cleanText(input.note, NOTE_MAX_LENGTH);
  return db.transaction(async (tx) => {
    const current = await lockedCollaboration(tx, id);
    const from = COLLABORATION_STAGES.indexOf(current.stage);
    const to = COLLABORATION_STAGES.indexOf(target);
    if (to === from)
      throw new ConflictError('the collaboration is already at that stage', { to: 'stage.same' });
    if (to > from + 1)
      throw new ConflictError('a stage moves forward one step at a time', { to: 'stage.skip' });
    if (to < from && !note)
      throw new ValidationError('moving back a stage needs a note saying why', {
        note: 'stage.backNeedsNote',
      });
    const updated = await updateCollaboration(tx, id, {
      stage: target,
      ...(note ? { notes: appendNote(current.notes, actor, note) } : {}),
    });
    await insertAuditEntries(tx, actor, [
      {
        action: to > from ? 'collaboration.stage_advanced' : 'collaboration.stage_moved_back',
        entityType: 'collaboration',
        entityId: id,
        before: { stage: current.stage },
        after: { stage: target, ...(note ? { note } : {}) },
      },
    ]);
    await notifyStageChanged(tx, { collaborationId: id, stage: target, actorUserId: actor.userId });
    return updated;
  });
}

/** Contract value, patents granted, new products and revenue: what the collaboration has yielded. */
export async function recordOutcomes(
  db: Database,
  actor: Actor,
  id: number,
  input: OutcomesInput,
): Promise<Collaboration> {
  const { contractValue, revenue, patentsGranted, newProducts } = parseInput(outcomesSchema, input);
  return db.transaction(async (tx) => {
    const current = await lockedCollaboration(tx, id);
    const patch = { contractValue, revenue, patentsGranted, newProducts };
    const updated = await updateCollaboration(tx, id, patch);
    await insertAuditEntries(tx, actor, [
      {
        action: 'collaboration.outcomes_recorded',
        entityType: 'collaboration',
        entityId: id,
        before: {
          contractValue: current.contractValue,
          revenue: current.revenue,
          patentsGranted: current.patentsGranted,
          newProducts: current.newProducts,
        },
        after: patch,
      },
    ]);
    return updated;
  });
}

export async function addNote(db: Database, actor: Actor, id: number, text: unknown): Promise<Collaboration> {
  const note = cleanText(text, NOTE_MAX_LENGTH);
  if (!note) throw new ValidationError('empty note', { note: 'validation.required' });
  return db.transaction(async (tx) => {
    const current = await lockedCollaboration(tx, id);
    const updated = await updateCollaboration(tx, id, { notes: appendNote(current.notes, actor, note) });
    await insertAuditEntries(tx, actor, [
      { action: 'collaboration.note_added', entityType: 'collaboration', entityId: id, after: { note } },
    ]);
    return updated;
  });
}

export async function addMilestone(
  db: Database,
  actor: Actor,
  collaborationId: number,
  input: MilestoneInput,
): Promise<Milestone> {
  const { title, stage, dueOn } = parseInput(milestoneSchema, input);
  const today = todayInCity();
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      await lockedCollaboration(tx, collaborationId);
      const milestone = await insertMilestone(tx, { collaborationId, stage, title, dueOn }, today);
      await insertAuditEntries(tx, actor, [
        {
          action: 'milestone.added',
          entityType: 'milestone',
          entityId: milestone.id,
          after: { collaborationId, title, stage: milestone.stage, dueOn: milestone.dueOn },
        },
      ]);
      return milestone;
    }),
  );
}

/** Marks a milestone done (on the given day, today by default), or not done again with `doneOn: null`. */
export async function setMilestoneCompletion(
  db: Database,
  actor: Actor,
  collaborationId: number,
  milestoneId: number,
  input: { done: boolean; doneOn?: unknown },
): Promise<Milestone> {
  const today = todayInCity();
  const parsed = input.done ? (parseInput(milestoneDoneSchema, input).doneOn ?? today) : null;
  if (parsed && parsed > today)
    throw new ValidationError('done in the future', { doneOn: 'validation.dateFuture' });
  return db.transaction(async (tx) => {
    const current = await lockMilestone(tx, milestoneId, today);
    if (!current || current.collaborationId !== collaborationId) throw new NotFoundError('no such milestone');
    const updated = await setMilestoneDone(tx, milestoneId, parsed, today);
    await insertAuditEntries(tx, actor, [
      {
        action: parsed ? 'milestone.done' : 'milestone.reopened',
        entityType: 'milestone',
        entityId: milestoneId,
        before: { doneOn: current.doneOn },
        after: { doneOn: parsed },
      },
    ]);
    return updated;
  });
}
