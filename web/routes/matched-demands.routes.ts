import { type Response, Router } from 'express';
import { findVisibleDemand, isOpen, type PortalDependencies } from '../../services/demands/index.js';
import { expressProfileInterest } from '../../services/introductions/index.js';
import { findCompanyFace, type MatchedDemand, rankDemandsForUser } from '../../services/profiles/index.js';
import { requireRole } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { scorePoints } from '../paging.js';
import { FragmentsOf, renderFragment } from '../rendered-fragment.js';
import { idParam } from './request-helpers.js';

/** A university team or faculty member browses the demands ranked for them and says "interested". */
export function matchedDemandRoutes(deps: PortalDependencies): Router {
  const router = Router();
  router.use('/matched-demands', requireRole('university'));
  // A ranked demand's card head is made of its match (score, reason) and the demand's row (title,
  // firm, chain): rendered once per kept match while the row reads the same.
  const heads = new FragmentsOf<NonNullable<MatchedDemand['match']>, string>();
  const renderHead = (response: Response, item: MatchedDemand) => {
    const { demand } = item;
    const render = () =>
      renderFragment(response, 'partials/matched-demand-head', {
        demand,
        score: item.score,
        percentScore: scorePoints(item.score),
        explanation: item.explanation,
        terms: item.terms,
      });
    if (!item.match) return render();
    const stamp = JSON.stringify([
      demand.title,
      demand.enterpriseName,
      demand.chainCode,
      demand.demandClass,
      demand.visibility,
    ]);
    return heads.get(item.match, stamp, render);
  };

  router.get('/matched-demands', async (request, response) => {
    const [matched, rankingUpdating] = await Promise.all([
      rankDemandsForUser(deps, request.user!, request.locale),
      deps.matching.isBehind(),
    ]);
    const rendered = await Promise.all(matched.map((item) => renderHead(response, item)));
    response.render('pages/university/matched-demands', {
      title: request.t('nav.matchedDemands'),
      rankingUpdating,
      matched: matched.map((item, index) => ({
        demand: { id: item.demand.id },
        head: rendered[index],
        state: item.state,
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
