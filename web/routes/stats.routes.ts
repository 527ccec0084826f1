import { Router } from 'express';
import { getCityStats } from '../../services/reports/index.js';
import type { RouteDependencies } from './route-dependencies.js';

export function statsRoutes({ db }: RouteDependencies): Router {
  const router = Router();
  router.get('/api/v1/stats', async (_request, response) => {
    response.json(await getCityStats(db));
  });
  return router;
}
