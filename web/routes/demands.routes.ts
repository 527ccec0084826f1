import { type Request, type Response, Router } from 'express';
import {
  closeOwnDemand,
  createDemand,
  type Demand,
  findOwnDemand,
  findVisibleDemand,
  listDemandsForUser,
  listUniversitiesForFilters,
  type PortalDependencies,
  parseIntent,
  parseProfileFilters,
  rankCandidatesForDemand,
  updateOwnDemand,
  type WordedCandidate,
  type WordedRanking,
} from '../../services/demands/index.js';
import { expressEnterpriseInterest } from '../../services/introductions/index.js';
import { findLibraryDemand, viewerOf } from '../../services/libraries/index.js';
import { todayInCity } from '../../services/shared/city-date.js';
import { NotFoundError, ValidationError } from '../../services/shared/errors.js';
import { requireRole } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { scorePoints } from '../paging.js';
import { FragmentsOf, renderFragment } from '../rendered-fragment.js';
import { asFormValues, enumOptions, keptValues } from './portal-forms.js';
import { formBody, idParam } from './request-helpers.js';

function demandFormModel(
  request: Request,
  demand: Demand | null,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  const isDraft = !demand || demand.status === 'draft';
  return {
    title: request.t(demand ? 'demand.editTitle' : 'demand.newTitle'),
    demand,
    action: demand ? `/demands/${demand.id}` : '/demands',
    values,
    errors,
    hasErrors: Object.keys(errors).length > 0,
    today: todayInCity(),
    isDraft,
    chainOptions: enumOptions(request.locale, 'chain', values.chainCode),
    classOptions: enumOptions(request.locale, 'demandClass', values.demandClass),
    visibilityOptions: enumOptions(request.locale, 'visibility', values.visibility || 'public'),
  };
}

/** The filters as a query string, so saying "interested" returns to the same filtered list. */
function filterQuery(filters: ReturnType<typeof parseProfileFilters>): string {
  const query = new URLSearchParams();
  if (filters.chain) query.set('chain', filters.chain);
  if (filters.universityId) query.set('university', String(filters.universityId));
  if (filters.title) query.set('title', filters.title);
  if (filters.doctoralSupervisor) query.set('doctoralSupervisor', '1');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A ranked candidate's public page, with its best evidence marked there. */
function profileHref(candidate: { kind: string; id: number; evidence: { title: string } | null }): string {
  const path =
    candidate.kind === 'team' ? `/experts/teams/${candidate.id}` : `/experts/faculty/${candidate.id}`;
  return candidate.evidence ? `${path}?evidence=${encodeURIComponent(candidate.evidence.title)}#works` : path;
}

/** What a demand page renders from its ranking: each candidate's head, and the filters' form. */
type RankingParts = FragmentsOf<WordedRanking, { teams: string[]; faculty: string[]; filterForm: string }>;

/**
 * The parts of a demand page that come from the ranking alone: each candidate's name, score, reason
 * and terms, most of the page's rendering; and the filters' form, whose options are fixed but for
 * the universities (kept like the ranking). A kept ranking is one demand's, under one set of
 * filters, in one language, so every request that reaches it renders these the same.
 */
async function renderRankingParts(
  deps: PortalDependencies,
  response: Response,
  ranking: WordedRanking,
  demandId: number,
  filters: ReturnType<typeof parseProfileFilters>,
) {
  const { locale } = response.req;
  const render = (candidate: WordedCandidate) =>
    renderFragment(response, 'partials/candidate-head', {
      candidate: {
        ...candidate,
        percentScore: scorePoints(candidate.score),
        profileHref: profileHref(candidate),
      },
    });
  const universities = await listUniversitiesForFilters(deps);
  const [teams, faculty, filterForm] = await Promise.all([
    Promise.all(ranking.teams.map(render)),
    Promise.all(ranking.faculty.map(render)),
    renderFragment(response, 'partials/demand-filters', {
      demand: { id: demandId },
      filters: {
        chainOptions: enumOptions(locale, 'chain', filters.chain),
        titleOptions: enumOptions(locale, 'facultyTitle', filters.title),
        universityOptions: universities.map((university) => ({
          value: String(university.id),
          label: locale === 'en' ? university.nameEn : university.nameZh,
          selected: filters.universityId === university.id,
        })),
        doctoralSupervisor: filters.doctoralSupervisor === true,
        active: Object.keys(filters).length > 0,
      },
    }),
  ]);
  return { teams, faculty, filterForm };
}

async function renderDemandPage(
  deps: PortalDependencies,
  parts: RankingParts,
  request: Request,
  response: Response,
) {
  const filters = parseProfileFilters(request.query as Record<string, unknown>);
  const ranked = await rankCandidatesForDemand(
    deps,
    request.user!,
    idParam(request),
    filters,
    request.locale,
  );
  const [rankingUpdating, rendered] = await Promise.all([
    deps.matching.isBehind(),
    parts.get(ranked.ranking, '', (ranking) =>
      renderRankingParts(deps, response, ranking, ranked.demand.id, filters),
    ),
  ]);
  const isOwner = request.user?.role === 'enterprise';
  const card = (candidate: (typeof ranked.teams)[number], head: string) => ({
    id: candidate.id,
    head,
    state: candidate.state,
    pairId: candidate.state?.id ?? null,
    interested: candidate.state?.enterpriseInterested ?? false,
    declined: candidate.state?.status === 'declined',
    status: candidate.state?.status ?? null,
  });
  response.render('pages/enterprise/demand', {
    title: ranked.demand.title,
    demand: ranked.demand,
    rankingUpdating,
    isOwner,
    isStaff: !isOwner,
    canEdit: isOwner && ranked.demand.status !== 'closed',
    canAnswer: isOwner && (ranked.demand.status === 'published' || ranked.demand.status === 'matched'),
    teams: ranked.teams.map((candidate, index) => card(candidate, rendered.teams[index]!)),
    faculty: ranked.faculty.map((candidate, index) => card(candidate, rendered.faculty[index]!)),
    filterForm: rendered.filterForm,
    back: filterQuery(filters),
    queueBack: encodeURIComponent(`/demands/${ranked.demand.id}`),
    queueHref: `/staff/queue?${new URLSearchParams({ chain: ranked.demand.chainCode, q: ranked.demand.title })}`,
  });
}

/** The enterprise's demands: list, post, edit, close, and the ranked candidates of each. */
export function demandRoutes(deps: PortalDependencies): Router {
  const router = Router();
  const enterpriseOnly = requireRole('enterprise');
  const parts: RankingParts = new FragmentsOf();

  // The demand library at /demands is for everyone (libraries.routes.ts); a firm's own list is here.
  router.get('/demands/mine', enterpriseOnly, async (request, response) => {
    const demands = await listDemandsForUser(deps.db, request.user!);
    response.render('pages/enterprise/demands', { title: request.t('nav.myDemands'), demands });
  });

  router.get('/demands/new', enterpriseOnly, (request, response) => {
    response.render(
      'pages/enterprise/demand-form',
      demandFormModel(request, null, { visibility: 'public' }, {}),
    );
  });

  router.post('/demands', enterpriseOnly, async (request, response) => {
    const body = formBody(request);
    try {
      const demand = await createDemand(deps, request.user!, body, parseIntent(body.intent));
      flash(request, 'success', demand.status === 'draft' ? 'demand.savedDraft' : 'demand.published');
      response.redirect(303, `/demands/${demand.id}`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      response
        .status(400)
        .render(
          'pages/enterprise/demand-form',
          demandFormModel(request, null, keptValues(body), error.details),
        );
    }
  });

  // One address per demand, whoever opens it: its firm and staff see the ranked candidates, a
  // university profile its own page of the demand, anyone else the public page if they may see it.
  router.get('/demands/:id', async (request, response) => {
    const id = idParam(request);
    const user = request.user;
    if (user?.role === 'university') {
      await findVisibleDemand(deps.db, user, id);
      return response.redirect(303, `/matched-demands/${id}`);
    }
    if (user?.role === 'staff' || user?.role === 'admin')
      return renderDemandPage(deps, parts, request, response);
    if (user?.role === 'enterprise') {
      // The firm's own demand opens with its candidates; another firm's is "not found" to that
      // read, and the firm then sees it as the library shows it.
      try {
        return await renderDemandPage(deps, parts, request, response);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    const demand = await findLibraryDemand(deps.db, viewerOf(user), id);
    response.render('pages/libraries/demand', { title: demand.title, demand });
  });

  router.get('/demands/:id/edit', enterpriseOnly, async (request, response) => {
    const demand = await findOwnDemand(deps.db, request.user!, idParam(request));
    if (demand.status === 'closed') throw new NotFoundError('a closed demand has no edit form');
    response.render(
      'pages/enterprise/demand-form',
      demandFormModel(request, demand, asFormValues(demand), {}),
    );
  });

  router.post('/demands/:id', enterpriseOnly, async (request, response) => {
    const id = idParam(request);
    const body = formBody(request);
    try {
      await updateOwnDemand(deps, request.user!, id, body, parseIntent(body.intent));
      flash(request, 'success', 'form.saved');
      response.redirect(303, `/demands/${id}`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const demand = await findOwnDemand(deps.db, request.user!, id);
      response
        .status(400)
        .render(
          'pages/enterprise/demand-form',
          demandFormModel(request, demand, keptValues(body), error.details),
        );
    }
  });

  // Closing cannot be undone, so the button leads here first; the form below does it.
  router.get('/demands/:id/close', enterpriseOnly, async (request, response) => {
    const demand = await findOwnDemand(deps.db, request.user!, idParam(request));
    if (demand.status === 'closed') return response.redirect(`/demands/${demand.id}`);
    response.render('pages/enterprise/close-demand', { title: request.t('detail.closeTitle'), demand });
  });

  router.post('/demands/:id/close', enterpriseOnly, async (request, response) => {
    const demand = await closeOwnDemand(deps, request.user!, idParam(request));
    flash(request, 'success', 'demand.closed');
    response.redirect(303, `/demands/${demand.id}`);
  });

  router.post('/demands/:id/interest', enterpriseOnly, async (request, response) => {
    const id = idParam(request);
    const body = formBody(request);
    const kind = body.kind === 'faculty' ? 'faculty' : body.kind === 'team' ? 'team' : null;
    const profileId =
      typeof body.profileId === 'string' && /^\d{1,9}$/.test(body.profileId) ? Number(body.profileId) : 0;
    if (!kind || !profileId) throw new NotFoundError('no such candidate');
    await expressEnterpriseInterest(deps, request.user!, id, { kind, id: profileId });
    flash(request, 'success', 'candidate.interestSent');
    const back = typeof body.back === 'string' && /^\?[\w=&%.-]{0,200}$/.test(body.back) ? body.back : '';
    response.redirect(303, `/demands/${id}${back}#candidate-${kind}-${profileId}`);
  });

  return router;
}
