import { Router } from 'express';
import type { Database } from '../../../services/db/index.js';
import type { MatchingService } from '../../../services/matching/index.js';
import { requireRole } from '../../auth/guards.js';
import { collaborationRoutes } from './collaborations.routes.js';
import { consortiumStaffRoutes } from './consortia.routes.js';
import { enterpriseRoutes } from './enterprises.routes.js';
import { listRoutes } from './lists.routes.js';
import { projectLibraryRoutes } from './projects.routes.js';
import { queueRoutes } from './queue.routes.js';
import { reportRoutes } from './reports.routes.js';

/** Everything the bureau's task forces use: staff and administrators only, checked before any handler. */
export function staffRoutes(db: Database, matching: MatchingService): Router {
  const router = Router();
  router.use('/staff', requireRole('staff', 'admin'));
  router.use(queueRoutes(db, matching));
  router.use(collaborationRoutes(db));
  router.use(enterpriseRoutes(db));
  router.use(reportRoutes(db));
  router.use(listRoutes(db));
  router.use(projectLibraryRoutes(db));
  router.use(consortiumStaffRoutes(db, matching));
  return router;
}
