import * as z from 'zod';
import { type Actor, insertAuditEntries } from '../audit/index.js';
import type { Collaboration } from '../collaborations/index.js';
import { insertCollaboration } from '../collaborations/index.js';
import type { Database } from '../db/index.js';
import { announceChanges, withDomainErrors } from '../db/index.js';
import { lockDemand, markDemandMatched } from '../demands/index.js';
import { notifyCollaborationCreated, notifyIntroduced } from '../notifications/index.js';
import { todayInCity } from '../shared/city-date.js';
import { DECLINE_REASONS, type DeclineReason, type MatchStatus } from '../shared/enums.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { cleanText, parseInput, required, wholeNumber } from '../validation/index.js';
import {
  countLiveIntroductions,
  findTeamOfFaculty,
  findTeamWorkloads,
  lockCandidate,
  lockTeam,
  setTeamIntroductionLimit,
  teamWorksOnDemand,
  updateCandidate,
} from './brokering.repository.js';
import type { CandidatePair, TeamWorkload } from './brokering.types.js';
import { findConsentOfLockedPair } from './consent.js';

/** The statuses from which each transition may start; accepted and declined are final. */
const ALLOWED_FROM: Readonly<Record<'shortlist' | 'introduce' | 'decline' | 'accept', MatchStatus[]>> = {
  shortlist: ['suggested'],
  introduce: ['suggested', 'shortlisted'],
  decline: ['suggested', 'shortlisted', 'introduced'],
  accept: ['introduced'],
};

/** The statuses that still wait for a staff decision, in the order work flows. */
export const OPEN_STATUSES: MatchStatus[] = ['suggested', 'shortlisted', 'introduced'];

const DECLINE_NOTE_MAX_LENGTH = 500;
/** A limit above this is a typing slip: no team runs fifty introductions at once. */
export const MAX_INTRODUCTION_LIMIT = 50;

const introductionLimitSchema = z.object({
  limit: required(wholeNumber(0, MAX_INTRODUCTION_LIMIT, 'validation.limit'), 'validation.limit'),
});

export function listTeamWorkloads(db: Database, chainCode: string | null): Promise<TeamWorkload[]> {
  return findTeamWorkloads(db, chainCode);
}

/** The status each transition leads to, which also names it in a diagnostic. */
const OUTCOME_OF: Readonly<Record<keyof typeof ALLOWED_FROM, MatchStatus>> = {
  shortlist: 'shortlisted',
  introduce: 'introduced',
  decline: 'declined',
  accept: 'accepted',
};

/** Why a transition is refused: the key is what the person reads, the message what the log keeps. */
function refuse(action: keyof typeof ALLOWED_FROM, pair: CandidatePair): never {
  const final = pair.status === 'accepted' || pair.status === 'declined';
  throw new ConflictError(
    final
      ? `this pair is already ${pair.status}, which is final: it cannot be ${OUTCOME_OF[action]}`
      : `a ${pair.status} pair cannot be ${OUTCOME_OF[action]}`,
    { status: final ? `brokering.refused.${pair.status}` : `brokering.refused.${action}` },
  );
}

/**
 * Locks the pair, checks its status still allows the action, and hands it on: the check and the
 * change happen in one transaction, so a pair someone else just moved is never moved twice.
 */
async function transition<T>(
  db: Database,
  candidateId: number,
  action: keyof typeof ALLOWED_FROM,
  change: (tx: Database, pair: CandidatePair) => Promise<T>,
): Promise<T> {
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const pair = await lockCandidate(tx, candidateId);
      if (!pair) throw new NotFoundError('no such candidate pair');
      if (!ALLOWED_FROM[action].includes(pair.status)) refuse(action, pair);
      return change(tx, pair);
    }),
  );
}

const snapshot = (pair: CandidatePair) => ({
  status: pair.status,
  declineReason: pair.declineReason,
  declineNote: pair.declineNote,
  introducedAt: pair.introducedAt,
  decidedAt: pair.decidedAt,
});

async function audited(
  tx: Database,
  actor: Actor,
  action: string,
  before: CandidatePair,
  after: CandidatePair,
) {
  await insertAuditEntries(tx, actor, [
    {
      action,
      entityType: 'match_candidate',
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after),
    },
  ]);
  return after;
}

export function shortlistMatch(db: Database, actor: Actor, candidateId: number): Promise<CandidatePair> {
  return transition(db, candidateId, 'shortlist', async (tx, pair) =>
    audited(
      tx,
      actor,
      'match.shortlisted',
      pair,
      await updateCandidate(tx, pair.id, { status: 'shortlisted' }),
    ),
  );
}

/** The team a pair's workload counts against: its own team, or the team of its faculty member. */
async function teamOf(tx: Database, pair: CandidatePair): Promise<number | null> {
  return pair.teamId ?? (pair.facultyId ? findTeamOfFaculty(tx, pair.facultyId) : null);
}

/**
 * Puts both sides in touch. A team carries at most `introduction_limit` live introductions; the
 * team row is locked first so two staff introducing the same team at once cannot both pass.
 */
export function introduceMatch(db: Database, actor: Actor, candidateId: number): Promise<CandidatePair> {
  return transition(db, candidateId, 'introduce', async (tx, pair) => {
    const teamId = await teamOf(tx, pair);
    if (teamId !== null) {
      const team = await lockTeam(tx, teamId);
      const live = (await countLiveIntroductions(tx, [teamId])).get(teamId) ?? 0;
      if (team && live >= team.introductionLimit)
        throw new ConflictError(
          `the team already carries ${live} live introductions, its limit is ${team.introductionLimit}`,
          { status: 'brokering.refused.limit' },
        );
    }
    const updated = await updateCandidate(tx, pair.id, { status: 'introduced', introducedAt: new Date() });
    await notifyIntroduced(tx, {
      pairId: pair.id,
      actorUserId: actor.userId,
      released: pair.enterpriseInterested && pair.profileInterested,
    });
    return audited(tx, actor, 'match.introduced', pair, updated);
  });
}

export function isDeclineReason(value: unknown): value is DeclineReason {
  return typeof value === 'string' && (DECLINE_REASONS as readonly string[]).includes(value);
}

export async function declineMatch(
  db: Database,
  actor: Actor,
  candidateId: number,
  input: { reason: unknown; note?: unknown },
): Promise<CandidatePair> {
  if (!isDeclineReason(input.reason))
    throw new ValidationError('a decline needs a reason from the list', { reason: 'validation.choose' });
  const reason = input.reason;
  const note = cleanText(input.note, DECLINE_NOTE_MAX_LENGTH) || null;
  return transition(db, candidateId, 'decline', async (tx, pair) => {
    const updated = await updateCandidate(tx, pair.id, {
      status: 'declined',
      declineReason: reason,
      declineNote: note,
      decidedAt: new Date(),
    });
    return audited(tx, actor, 'match.declined', pair, updated);
  });
}

/**
 * The match is reached: in one transaction the pair becomes accepted, the collaboration is created
 * at its first stage with the pair's team leading (a faculty member's own team, for a faculty pair),
 * and the demand is marked matched. It needs consent: both sides said interested in the portal,
 * or staff recorded their agreement reached outside it; the collaboration keeps which it was.
 * Two staff accepting at once: the pair's row lock makes the second wait, then see 'accepted'
 * and be refused, so exactly one collaboration exists.
 */
export function acceptMatch(
  db: Database,
  actor: Actor,
  candidateId: number,
): Promise<{ pair: CandidatePair; collaboration: Collaboration }> {
  return transition(db, candidateId, 'accept', async (tx, pair) => {
    const consent = await findConsentOfLockedPair(tx, pair);
    if (!consent)
      throw new ConflictError(
        'both sides must say they are interested in the portal, or staff must record the agreement they reached outside it, before the pair is accepted',
        { status: 'consent.refused.noConsent' },
      );
    const leadTeamId = await teamOf(tx, pair);
    if (leadTeamId === null)
      throw new ConflictError(
        'the faculty member belongs to no team, so no team can lead the collaboration',
        {
          status: 'brokering.refused.noTeam',
        },
      );
    const demand = await lockDemand(tx, pair.demandId);
    if (!demand) throw new NotFoundError('no such demand');
    if (await teamWorksOnDemand(tx, demand.id, leadTeamId))
      throw new ConflictError('the team already works on this demand in another collaboration', {
        status: 'brokering.refused.teamAlreadyCollaborates',
      });
    const collaboration = await insertCollaboration(tx, {
      demandId: demand.id,
      enterpriseId: demand.enterpriseId,
      leadTeamId,
      matchCandidateId: pair.id,
      title: demand.title,
      startedOn: todayInCity(),
      consentBasis: consent.basis,
    });
    await markDemandMatched(tx, demand.id);
    const updated = await updateCandidate(tx, pair.id, { status: 'accepted', decidedAt: new Date() });
    await audited(tx, actor, 'match.accepted', pair, updated);
    await insertAuditEntries(tx, actor, [
      {
        action: 'collaboration.created',
        entityType: 'collaboration',
        entityId: collaboration.id,
        after: {
          demandId: demand.id,
          leadTeamId,
          stage: collaboration.stage,
          matchCandidateId: pair.id,
          consentBasis: consent.basis,
          ...(consent.basis === 'recorded_agreement' ? { agreementId: consent.agreement.id } : {}),
        },
      },
      {
        action: 'demand.matched',
        entityType: 'demand',
        entityId: demand.id,
        before: { status: demand.status },
        after: { status: 'matched' },
      },
    ]);
    await notifyCollaborationCreated(tx, { collaborationId: collaboration.id, actorUserId: actor.userId });
    // Last, so the feed's append lock is held only for the commit: each process's index sees the new status.
    await announceChanges(tx, { entity: 'demand', ids: [demand.id] });
    return { pair: updated, collaboration };
  });
}

export async function setIntroductionLimit(
  db: Database,
  actor: Actor,
  teamId: number,
  value: unknown,
): Promise<void> {
  const { limit } = parseInput(introductionLimitSchema, { limit: value });
  await db.transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    if (!team) throw new NotFoundError('no such team');
    await setTeamIntroductionLimit(tx, teamId, limit);
    await insertAuditEntries(tx, actor, [
      {
        action: 'team.introduction_limit_set',
        entityType: 'team',
        entityId: teamId,
        before: { introductionLimit: team.introductionLimit },
        after: { introductionLimit: limit },
      },
    ]);
  });
}
