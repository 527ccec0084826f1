import { type Request, Router } from 'express';
import {
  closeOwnDemand,
  createDemand,
  type Demand,
  type DemandIntent,
  findOwnDemand,
  findVisibleDemand,
  listDemandsForUser,
  type PortalDependencies,
  parseProfileFilters,
  rankCandidatesForDemand,
  updateOwnDemand,
} from '../../../services/demands/index.js';
import { requireUser } from '../../auth/guards.js';
import { idParam } from '../portal-forms.js';

/** A JSON body as a record; an array, a string or nothing at all is an empty one, so validation says what is missing. */
export function jsonBody(request: Request): Record<string, unknown> {
  const body = request.body as unknown;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

const intentOfStatus = (status: unknown): DemandIntent =>
  status === 'published' ? 'publish' : status === 'draft' ? 'draft' : 'keep';

/** A stored demand as a submission, so a PATCH changes only the fields it sends. */
function asSubmission(demand: Demand): Record<string, unknown> {
  const {
    title,
    titleEn,
    description,
    chainCode,
    demandClass,
    expectedTrl,
    budgetMin,
    budgetMax,
    deadline,
    visibility,
  } = demand;
  return {
    title,
    titleEn,
    description,
    chainCode,
    demandClass,
    expectedTrl,
    budgetMin,
    budgetMax,
    deadline,
    visibility,
  };
}

/** Demands and their matches as JSON, under the same rules as the pages. */
export function demandApi(deps: PortalDependencies): Router {
  const router = Router();
  router.use('/api/v1/demands', requireUser);

  router.get('/api/v1/demands', async (request, response) => {
    response.json({ demands: await listDemandsForUser(deps.db, request.user!) });
  });

  router.post('/api/v1/demands', async (request, response) => {
    const body = jsonBody(request);
    const demand = await createDemand(deps, request.user!, body, intentOfStatus(body.status));
    response.status(201).location(`/api/v1/demands/${demand.id}`).json({ demand });
  });

  router.get('/api/v1/demands/:id', async (request, response) => {
    response.json({ demand: await findVisibleDemand(deps.db, request.user!, idParam(request)) });
  });

  router.patch('/api/v1/demands/:id', async (request, response) => {
    const id = idParam(request);
    const body = jsonBody(request);
    const current = await findOwnDemand(deps.db, request.user!, id);
    if (body.status === 'closed') {
      response.json({ demand: await closeOwnDemand(deps, request.user!, id) });
      return;
    }
    const merged = { ...asSubmission(current), ...body };
    response.json({
      demand: await updateOwnDemand(deps, request.user!, id, merged, intentOfStatus(body.status)),
    });
  });

  router.get('/api/v1/demands/:id/matches', async (request, response) => {
    const ranked = await rankCandidatesForDemand(
      deps,
      request.user!,
      idParam(request),
      parseProfileFilters(request.query as Record<string, unknown>),
      request.locale,
    );
    response.json({
      demandId: ranked.demand.id,
      filters: ranked.filters,
      teams: ranked.teams,
      faculty: ranked.faculty,
    });
  });

  return router;
}
