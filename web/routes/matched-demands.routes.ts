import { Router } from 'express';
import { findVisibleDemand, isOpen, type PortalDependencies } from '../../services/demands/index.js';
import { expressProfileInterest } from '../../services/introductions/index.js';
import { findCompanyFace, rankDemandsForUser } from '../../services/profiles/index.js';
import { requireRole } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { scorePoints } from '../paging.js';
import { idParam } from './portal-forms.js';

/** A university team or faculty member browses the demands ranked for them and says "interested". */
export function matchedDemandRoutes(deps: PortalDependencies): Router {
  const router = Router();
  router.use('/matched-demands', requireRole('university'));

  router.get('/matched-demands', async (request, response) => {
    const [matched, rankingUpdating] = await Promise.all([
      rankDemandsForUser(deps, request.user!, request.locale),
      deps.matching.isBehind(),
    ]);
    response.render('pages/university/matched-demands', {
      title: request.t('nav.matchedDemands'),
      rankingUpdating,
      matched: matched.map((item) => ({
        ...item,
        percentScore: scorePoints(item.score),
        interested: item.state?.profileInterested ?? false,
        canAnswer: isOpen(item.demand) && item.state?.status !== 'declined',
      })),
    });
  });

  router.get('/matched-demands/:id', async (request, response) => {
    const demand = await findVisibleDemand(deps.db, request.user!, idParam(request));
    const [company, matched] = await Promise.all([
      findCompanyFace(deps.db, demand.enterpriseId),
      rankDemandsForUser(deps, request.user!, request.locale),
    ]);
    const match = matched.find((item) => item.demand.id === demand.id) ?? null;
    response.render('pages/university/demand', {
      title: demand.title,
      demand,
      company,
      match,
      interested: match?.state?.profileInterested ?? false,
      canAnswer: isOpen(demand) && match?.state?.status !== 'declined',
    });
  });

  router.post('/matched-demands/:id/interest', async (request, response) => {
    const id = idParam(request);
    await expressProfileInterest(deps, request.user!, id);
    flash(request, 'success', 'candidate.interestSent');
    // Back where the button was: the card in the list, or the answer on the demand's page.
    const from = (request.body as Record<string, unknown> | undefined)?.from;
    response.redirect(
      303,
      from === 'list' ? `/matched-demands#demand-${id}` : `/matched-demands/${id}#interest`,
    );
  });

  return router;
}
