import { Router } from 'express';
import type { DatabaseHandle } from '../../services/db/index.js';

export function healthRoutes(database: DatabaseHandle): Router {
  const router = Router();
  router.get('/healthz', async (_request, response) => {
    const reachable = await database.ping();
    response.status(reachable ? 200 : 503).json({
      status: reachable ? 'ok' : 'unavailable',
      database: { driver: database.driver, reachable },
    });
  });
  return router;
}
