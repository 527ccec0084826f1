import { Router } from 'express';
import type { Database } from '../../services/db/index.js';
import { getCityStats } from '../../services/reports/index.js';

export function statsRoutes(db: Database): Router {
  const router = Router();
  router.get('/api/v1/stats', async (_request, response) => {
    response.json(await getCityStats(db));
  });
  return router;
}
