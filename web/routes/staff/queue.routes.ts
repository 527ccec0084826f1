import { type Request, Router } from 'express';
import { isChainCode } from '../../../services/admin/index.js';
import {
  acceptMatch,
  confirmProposal,
  declineMatch,
  introduceMatch,
  listQueue,
  listTeamWorkloads,
  OPEN_STATUSES,
  proposeIntroductions,
  type QueueEntry,
  recordOutsideAgreement,
  setIntroductionLimit,
  shortlistMatch,
} from '../../../services/brokering/index.js';
import { todayInCity } from '../../../services/collaborations/index.js';
import type { Database } from '../../../services/db/index.js';
import type { MatchingService } from '../../../services/matching/index.js';
import { AGREEMENT_CHANNELS, DECLINE_REASONS, type MatchStatus } from '../../../services/shared/enums.js';
import { ValidationError } from '../../../services/shared/errors.js';
import { flash } from '../../navigation.js';
import {
  actorOf,
  actThenReturn,
  bodyOf,
  chainOptions,
  chosenChain,
  idParam,
  optionsOf,
} from './staff-context.js';

/** Pairs shown at once: a chain's week of decisions; the status filter narrows the rest. */
const QUEUE_PAGE_SIZE = 100;

function queueRow(entry: QueueEntry) {
  return {
    ...entry,
    kindKey: entry.teamId ? 'brokering.kind.team' : 'brokering.kind.faculty',
    score: entry.score.toFixed(2),
    terms: entry.explanation.terms.map(([term, share]) => ({ term, share })),
    evidence: entry.explanation.evidence?.title ?? null,
    agreementRecorded: entry.consent?.basis === 'recorded_agreement',
    canShortlist: entry.status === 'suggested',
    canIntroduce: entry.status === 'suggested' || entry.status === 'shortlisted',
    // Accepting needs consent; without it staff are offered to record the agreement instead.
    canAccept: entry.status === 'introduced' && entry.consent !== null,
    canRecordAgreement: entry.consent === null,
  };
}

function statusFilter(value: unknown): MatchStatus[] {
  return OPEN_STATUSES.includes(value as MatchStatus) ? [value as MatchStatus] : OPEN_STATUSES;
}

function chainQuery(request: Request): string {
  return typeof request.query.chain === 'string' ? `?chain=${encodeURIComponent(request.query.chain)}` : '';
}

/** The brokering queue, its four decisions, the fairness proposal, and the teams' workload limits. */
export function queueRoutes(db: Database, matching: MatchingService): Router {
  const router = Router();

  router.get('/staff/queue', async (request, response) => {
    const chainCode = await chosenChain(db, request);
    const statuses = statusFilter(request.query.status);
    const entries = await listQueue(db, { chainCode, statuses, limit: QUEUE_PAGE_SIZE });
    response.render('pages/staff/queue', {
      title: request.t('nav.queue'),
      chainCode,
      chainOptions: chainOptions(request, chainCode),
      statusOptions: optionsOf(request, 'matchStatus', OPEN_STATUSES, request.query.status),
      declineOptions: optionsOf(request, 'declineReason', DECLINE_REASONS),
      channelOptions: optionsOf(request, 'agreementChannel', AGREEMENT_CHANNELS),
      today: todayInCity(),
      rows: entries.map(queueRow),
      truncated: entries.length === QUEUE_PAGE_SIZE,
      pageSize: QUEUE_PAGE_SIZE,
      back: request.originalUrl,
      errors: {},
    });
  });

  const decision = (
    path: string,
    successKey: string,
    act: (request: Request, id: number) => Promise<string | undefined>,
  ) =>
    router.post(`/staff/queue/:id/${path}`, (request, response) =>
      actThenReturn(request, response, '/staff/queue', successKey, () =>
        act(request, idParam(request.params.id)),
      ),
    );

  decision('shortlist', 'brokering.done.shortlisted', async (request, id) => {
    await shortlistMatch(db, actorOf(request), id);
    return undefined;
  });
  decision('introduce', 'brokering.done.introduced', async (request, id) => {
    await introduceMatch(db, actorOf(request), id);
    return undefined;
  });
  decision('decline', 'brokering.done.declined', async (request, id) => {
    const body = bodyOf(request);
    await declineMatch(db, actorOf(request), id, { reason: body.reason, note: body.note });
    return undefined;
  });
  decision('agreement', 'consent.done.recorded', async (request, id) => {
    const body = bodyOf(request);
    await recordOutsideAgreement(db, actorOf(request), id, {
      enterpriseConfirmedBy: body.enterpriseConfirmedBy,
      universityConfirmedBy: body.universityConfirmedBy,
      channel: body.channel,
      agreedOn: body.agreedOn,
      note: body.note,
    });
    return undefined;
  });
  decision('accept', 'brokering.done.accepted', async (request, id) => {
    const { collaboration } = await acceptMatch(db, actorOf(request), id);
    return `/staff/collaborations/${collaboration.id}`;
  });

  router.post('/staff/queue/proposal', async (request, response) => {
    const chain = bodyOf(request).chain;
    const chainCode = isChainCode(chain) ? chain : null;
    if (!chainCode) {
      flash(request, 'error', 'brokering.proposal.chooseChain');
      return response.redirect('/staff/queue');
    }
    const proposal = await proposeIntroductions(db, matching, chainCode);
    response.render('pages/staff/proposal', {
      title: request.t('brokering.proposal.title'),
      chainCode,
      proposals: proposal.proposals.map((item) => ({
        ...item,
        score: item.score.toFixed(2),
        adjustedScore: item.adjustedScore.toFixed(2),
      })),
      unfilled: proposal.unfilled,
    });
  });

  router.post('/staff/queue/proposal/confirm', async (request, response) => {
    const body = bodyOf(request);
    const chosen = (Array.isArray(body.candidateIds) ? body.candidateIds : [body.candidateIds])
      .filter((value) => value !== undefined)
      .map((value) => idParam(value));
    const outcome = await confirmProposal(db, actorOf(request), chosen);
    response.render('pages/staff/proposal-done', {
      title: request.t('brokering.proposal.title'),
      introduced: outcome.introduced.length,
      refused: outcome.refused.map((item) => ({
        candidateId: item.candidateId,
        messageKey: item.messageKey,
      })),
      chain: typeof body.chain === 'string' ? body.chain : '',
    });
  });

  router.get('/staff/teams', async (request, response) => {
    const chainCode = await chosenChain(db, request);
    const teams = await listTeamWorkloads(db, chainCode);
    response.render('pages/staff/teams', {
      title: request.t('brokering.teams.title'),
      chainCode,
      chainOptions: chainOptions(request, chainCode),
      teams: teams.map((team) => ({ ...team, full: team.liveIntroductions >= team.introductionLimit })),
      back: request.originalUrl,
    });
  });

  router.post('/staff/teams/:id/limit', (request, response) =>
    actThenReturn(
      request,
      response,
      `/staff/teams${chainQuery(request)}`,
      'brokering.done.limitSet',
      async () => {
        const limit = bodyOf(request).limit;
        if (limit === undefined) throw new ValidationError('no limit', { limit: 'validation.limit' });
        await setIntroductionLimit(db, actorOf(request), idParam(request.params.id), limit);
      },
    ),
  );

  return router;
}
