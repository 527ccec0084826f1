import { type Request, Router } from 'express';
import { isChainCode } from '../../../services/admin/index.js';
import { actorOf } from '../../../services/audit/index.js';
import {
  acceptMatch,
  confirmProposal,
  decideInBulk,
  declineMatch,
  getQueueEntry,
  introduceMatch,
  listQueuePage,
  listTeamWorkloads,
  type NumberedQueuePage,
  OPEN_STATUSES,
  parseQueueFilter,
  proposeIntroductions,
  QUEUE_SORTS,
  type QueueEntry,
  recordOutsideAgreement,
  setIntroductionLimit,
  shortlistMatch,
} from '../../../services/brokering/index.js';
import { listUniversitiesForFilters } from '../../../services/demands/index.js';
import { todayInCity } from '../../../services/shared/city-date.js';
import {
  AGREEMENT_CHANNELS,
  DECLINE_REASONS,
  DEMAND_CLASSES,
  MATCH_STATUSES,
} from '../../../services/shared/enums.js';
import { ValidationError } from '../../../services/shared/errors.js';
import { safeLocalPath } from '../../locale.js';
import { flash } from '../../navigation.js';
import { pagerOf, scorePoints, withoutPage } from '../../paging.js';
import { FragmentsOf, renderFragment } from '../../rendered-fragment.js';
import { formBody, idParam, recordId } from '../request-helpers.js';
import type { RouteDependencies } from '../route-dependencies.js';
import { actThenReturn, chainOptions, chosenChain, messageKeyOf, optionsOf } from './staff-context.js';

/** A row of the queue as the page shows it: names, the score on the 0–100 scale, and what may be done. */
function queueRow(entry: QueueEntry) {
  return {
    id: entry.id,
    demandId: entry.demandId,
    demandTitle: entry.demandTitle,
    demandClass: entry.demandClass,
    enterpriseName: entry.enterpriseName,
    profileName: entry.profileName,
    profileHref: entry.teamId ? `/experts/teams/${entry.teamId}` : `/experts/faculty/${entry.facultyId}`,
    universityName: entry.universityName,
    kindKey: entry.teamId ? 'brokering.kind.team' : 'brokering.kind.faculty',
    score: scorePoints(entry.score),
    // Three terms say why; the pair's own page has them all.
    terms: entry.explanation.terms.slice(0, 3).map(([term, share]) => ({ term, share })),
    evidence: entry.explanation.evidence?.title ?? null,
    enterpriseInterested: entry.enterpriseInterested,
    profileInterested: entry.profileInterested,
    agreementRecorded: entry.consent?.basis === 'recorded_agreement',
    waitingDays: entry.waitingDays,
    status: entry.status,
    canShortlist: entry.status === 'suggested',
    canIntroduce: entry.status === 'suggested' || entry.status === 'shortlisted',
    canDecide: OPEN_STATUSES.includes(entry.status),
    // Accepting needs consent; without it staff are offered to record the agreement instead.
    canAccept: entry.status === 'introduced' && entry.consent !== null,
    canRecordAgreement: entry.consent === null && OPEN_STATUSES.includes(entry.status),
  };
}

function chainQuery(request: Request): string {
  return typeof request.query.chain === 'string' ? `?chain=${encodeURIComponent(request.query.chain)}` : '';
}

/** The queue's filters as they go back into its URL: only what differs from the default. */
function queueSearch(
  filter: ReturnType<typeof parseQueueFilter>,
  chainCode: string | null,
  query: Request['query'],
) {
  const search = new URLSearchParams();
  if (typeof query.chain === 'string') search.set('chain', chainCode ?? 'all');
  if (filter.statuses.length === 1) search.set('status', filter.statuses[0]!);
  if (filter.demandClass) search.set('class', filter.demandClass);
  if (filter.universityId) search.set('university', String(filter.universityId));
  if (filter.minScore > 0) search.set('minScore', String(Math.round(filter.minScore * 100)));
  if (filter.bothInterested) search.set('both', '1');
  if (filter.search) search.set('q', filter.search);
  if (filter.sort !== 'interest') search.set('sort', filter.sort);
  return search;
}

const withParam = (search: URLSearchParams, name: string, value: string | null) => {
  const copy = new URLSearchParams(search);
  if (value === null) copy.delete(name);
  else copy.set(name, value);
  const text = copy.toString();
  return `/staff/queue${text ? `?${text}` : ''}`;
};

/** The ticked pair ids of a bulk form: whatever is not a plain id is refused as a whole. */
function tickedIds(value: unknown): number[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((item) => recordId(item));
}

/** The brokering queue, its four decisions, the fairness proposal, and the teams' workload limits. */
export function queueRoutes({ db, matching }: RouteDependencies): Router {
  const router = Router();
  // A kept page is one filter's, so its rows come out the same for every request in one language.
  const rows = new FragmentsOf<NumberedQueuePage, string>();

  router.get('/staff/queue', async (request, response) => {
    const chainCode = await chosenChain(db, request);
    const filter = parseQueueFilter(request.query as Record<string, unknown>, chainCode);
    const [queue, universities] = await Promise.all([
      listQueuePage(db, filter),
      listUniversitiesForFilters({ db, matching }),
    ]);
    const search = queueSearch(filter, chainCode, request.query);
    const pageHref = (page: number) => withParam(search, 'page', page > 1 ? String(page) : null);
    const here = pageHref(queue.page);
    response.render('pages/staff/queue', {
      title: request.t('nav.queue'),
      chainCode,
      chainOptions: chainOptions(request, chainCode),
      statusOptions: optionsOf(
        request,
        'matchStatus',
        MATCH_STATUSES,
        filter.statuses.length === 1 ? filter.statuses[0] : null,
      ),
      classOptions: optionsOf(request, 'demandClass', DEMAND_CLASSES, filter.demandClass),
      universityOptions: universities.map((university) => ({
        value: String(university.id),
        label: request.locale === 'en' ? university.nameEn : university.nameZh,
        selected: university.id === filter.universityId,
      })),
      sortOptions: QUEUE_SORTS.map((sort) => ({
        value: sort,
        label: request.t(`queue.sort.${sort}`),
        selected: sort === filter.sort,
      })),
      declineOptions: optionsOf(request, 'declineReason', DECLINE_REASONS),
      filter: { ...filter, minScore: filter.minScore > 0 ? Math.round(filter.minScore * 100) : '' },
      rowsHtml: await rows.get(queue, `${request.locale} ${here}`, (page) =>
        page.entries.length === 0
          ? Promise.resolve('')
          : renderFragment(response, 'partials/queue-rows', {
              rows: page.entries.map(queueRow),
              encodedBack: encodeURIComponent(here),
            }),
      ),
      total: queue.total,
      pager: pagerOf(queue.page, queue.pages, pageHref),
      sortLinks: QUEUE_SORTS.map((sort) => ({
        key: `queue.sort.${sort}`,
        href: withParam(withoutPage(search), 'sort', sort === 'interest' ? null : sort),
        current: sort === filter.sort,
      })),
      back: here,
      encodedBack: encodeURIComponent(here),
    });
  });

  /** After an action on one pair, the same page, scrolled back to that pair's row. */
  const backTo = (request: Request, id: number) =>
    `${safeLocalPath(formBody(request).back, '/staff/queue').replace(/#.*$/, '')}#pair-${id}`;

  router.get('/staff/queue/proposal', async (request, response) => {
    const chain = request.query.chain;
    if (!isChainCode(chain)) return response.redirect('/staff/queue');
    const proposal = await proposeIntroductions(db, matching, chain);
    response.render('pages/staff/proposal', {
      title: request.t('brokering.proposal.title'),
      chainCode: chain,
      proposals: proposal.proposals.map((item) => ({
        ...item,
        score: scorePoints(item.score),
        adjustedScore: scorePoints(item.adjustedScore),
      })),
      unfilled: proposal.unfilled,
    });
  });

  router.get('/staff/queue/proposal/confirm', (_request, response) => response.redirect('/staff/queue'));

  router.post('/staff/queue/bulk', async (request, response) => {
    const body = formBody(request);
    const back = safeLocalPath(body.back, '/staff/queue');
    try {
      const outcome = await decideInBulk(db, actorOf(request.user), {
        action: body.bulkAction,
        candidateIds: tickedIds(body.ids),
        reason: body.bulkReason,
      });
      flash(request, outcome.refused.length ? 'info' : 'success', `queue.bulk.done.${body.bulkAction}`, {
        done: String(outcome.done.length),
        refused: String(outcome.refused.length),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      flash(request, 'error', messageKeyOf(error));
    }
    response.redirect(303, back);
  });

  router.get('/staff/queue/:id', async (request, response) => {
    const entry = await getQueueEntry(db, idParam(request));
    const back = safeLocalPath(request.query.back, '/staff/queue');
    response.render('pages/staff/pair', {
      title: entry.demandTitle,
      pair: {
        ...queueRow(entry),
        terms: entry.explanation.terms.map(([term, share]) => ({ term, share })),
        bothInterested: entry.enterpriseInterested && entry.profileInterested,
        declineReason: entry.declineReason,
        declineNote: entry.declineNote,
      },
      declineOptions: optionsOf(request, 'declineReason', DECLINE_REASONS),
      channelOptions: optionsOf(request, 'agreementChannel', AGREEMENT_CHANNELS),
      today: todayInCity(),
      back,
    });
  });

  const decision = (
    path: string,
    successKey: string,
    act: (request: Request, id: number) => Promise<string | undefined>,
  ) =>
    router.post(`/staff/queue/:id/${path}`, (request, response) => {
      const id = idParam(request);
      return actThenReturn(
        request,
        response,
        '/staff/queue',
        successKey,
        () => act(request, id),
        backTo(request, id),
      );
    });

  decision('shortlist', 'brokering.done.shortlisted', async (request, id) => {
    await shortlistMatch(db, actorOf(request.user), id);
    return undefined;
  });
  decision('introduce', 'brokering.done.introduced', async (request, id) => {
    await introduceMatch(db, actorOf(request.user), id);
    return undefined;
  });
  decision('decline', 'brokering.done.declined', async (request, id) => {
    const body = formBody(request);
    await declineMatch(db, actorOf(request.user), id, { reason: body.reason, note: body.note });
    return undefined;
  });
  decision('agreement', 'consent.done.recorded', async (request, id) => {
    const body = formBody(request);
    await recordOutsideAgreement(db, actorOf(request.user), id, {
      enterpriseConfirmedBy: body.enterpriseConfirmedBy,
      universityConfirmedBy: body.universityConfirmedBy,
      channel: body.channel,
      agreedOn: body.agreedOn,
      note: body.note,
    });
    return undefined;
  });
  decision('accept', 'brokering.done.accepted', async (request, id) => {
    const { collaboration } = await acceptMatch(db, actorOf(request.user), id);
    return `/staff/collaborations/${collaboration.id}`;
  });

  // The proposal changes nothing until it is confirmed, so it is a page of its own that a reload
  // or a language switch opens again; the old form's POST lands there.
  router.post('/staff/queue/proposal', (request, response) => {
    const chain = formBody(request).chain;
    if (!isChainCode(chain)) {
      flash(request, 'error', 'brokering.proposal.chooseChain');
      return response.redirect(303, '/staff/queue');
    }
    response.redirect(303, `/staff/queue/proposal?chain=${chain}`);
  });

  router.post('/staff/queue/proposal/confirm', async (request, response) => {
    const body = formBody(request);
    const chosen = (Array.isArray(body.candidateIds) ? body.candidateIds : [body.candidateIds])
      .filter((value) => value !== undefined)
      .map((value) => recordId(value));
    const outcome = await confirmProposal(db, actorOf(request.user), chosen);
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
        const limit = formBody(request).limit;
        if (limit === undefined) throw new ValidationError('no limit', { limit: 'validation.limit' });
        await setIntroductionLimit(db, actorOf(request.user), idParam(request), limit);
      },
    ),
  );

  return router;
}
