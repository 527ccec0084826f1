import { Router } from 'express';
import { requireRole } from '../../auth/guards.js';
import type { RouteDependencies } from '../route-dependencies.js';
import { collaborationRoutes } from './collaborations.routes.js';
import { consortiumStaffRoutes } from './consortia.routes.js';
import { enterpriseRoutes } from './enterprises.routes.js';
import { listRoutes } from './lists.routes.js';
import { projectLibraryRoutes } from './projects.routes.js';
import { queueRoutes } from './queue.routes.js';
import { reportRoutes } from './reports.routes.js';

/** Everything the bureau's task forces use: staff and administrators only, checked before any handler. */
export function staffRoutes(deps: RouteDependencies): Router {
  const router = Router();
  router.use('/staff', requireRole('staff', 'admin'));
  router.use(queueRoutes(deps));
  router.use(collaborationRoutes(deps));
  router.use(enterpriseRoutes(deps));
  router.use(reportRoutes(deps));
  router.use(listRoutes(deps));
  router.use(projectLibraryRoutes(deps));
  router.use(consortiumStaffRoutes(deps));
  return router;
}
