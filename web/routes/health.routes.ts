import { Router } from 'express';
import type { DatabaseHandle } from '../../services/db/index.js';
import type { MatchingService } from '../../services/matching/index.js';

/**
 * Liveness for a load balancer: the database, and how far this process's matcher index has
 * applied the change feed (position, the newest change, and the lag in changes and seconds).
 */
export function healthRoutes(database: DatabaseHandle, matching: MatchingService): Router {
  const router = Router();
  router.get('/healthz', async (_request, response) => {
    const reachable = await database.ping();
    const feed = await matching.feedStatus();
    response.status(reachable ? 200 : 503).json({
      status: reachable ? 'ok' : 'unavailable',
      database: { driver: database.driver, reachable },
      index: {
        position: feed.position,
        latest: feed.latest,
        lag: feed.lag,
        lagSeconds: feed.lagSeconds,
        listening: feed.listening,
        rebuilds: feed.rebuilds,
        ...(feed.lastError ? { lastError: feed.lastError } : {}),
      },
    });
  });
  return router;
}
