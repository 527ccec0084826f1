import { Router } from 'express';
import { getCityStats } from '../../services/reports/index.js';
import type { RouteDependencies } from './route-dependencies.js';

export function publicRoutes({ db }: RouteDependencies): Router {
  const router = Router();

  router.get('/', async (request, response) => {
    const stats = await getCityStats(db);
    response.render('pages/home', {
      title: request.t('nav.home'),
      figures: [
        { key: 'figure.universities', value: stats.universities },
        { key: 'figure.teams', value: stats.teams },
        { key: 'figure.faculty', value: stats.faculty },
        { key: 'figure.doctoralSupervisors', value: stats.doctoralSupervisors },
        { key: 'figure.professors', value: stats.professors },
        { key: 'figure.chiefScientists', value: stats.chiefScientists },
        { key: 'figure.enterprises', value: stats.enterprises },
        { key: 'figure.demands', value: stats.demands.total },
        { key: 'figure.collaborations', value: stats.collaborations.total },
        { key: 'figure.results', value: stats.resultsReadyForIndustry },
      ],
      byClass: Object.entries(stats.demands.byClass).map(([code, value]) => ({ code, value })),
      byChain: Object.entries(stats.demands.byChain).map(([code, value]) => ({ code, value })),
      byStage: Object.entries(stats.collaborations.byStage).map(([code, value]) => ({ code, value })),
    });
  });

  return router;
}
