import { Router } from 'express';
import type { PortalDependencies } from '../../services/demands/index.js';
import { listIntroductionsForUser } from '../../services/introductions/index.js';
import { requireRole } from '../auth/guards.js';

/** Both outside sides follow their pairs here: status, the reason when declined, and contacts once released. */
export function introductionRoutes(deps: PortalDependencies): Router {
  const router = Router();
  router.get('/introductions', requireRole('enterprise', 'university'), async (request, response) => {
    const user = request.user!;
    const introductions = await listIntroductionsForUser(deps.db, user);
    response.render('pages/introductions', {
      title: request.t('nav.introductions'),
      isEnterprise: user.role === 'enterprise',
      introductions: introductions.map((introduction) => ({
        ...introduction,
        demandHref:
          introduction.demandTitle === null
            ? null
            : user.role === 'enterprise'
              ? `/demands/${introduction.demandId}`
              : `/matched-demands/${introduction.demandId}`,
        waitingForOther:
          introduction.contact === null &&
          (user.role === 'enterprise' ? introduction.enterpriseInterested : introduction.profileInterested),
      })),
    });
  });
  return router;
}
