import { Router } from 'express';
import { getConsortiumForUser, listConsortiaOfMember } from '../../services/consortia/index.js';
import { requireRole } from '../auth/guards.js';
import { consortiumPageModel } from './consortium-view.js';
import { idParam } from './request-helpers.js';
import type { RouteDependencies } from './route-dependencies.js';

/** A member firm's or team's view of the consortia it belongs to. */
export function consortiumMemberRoutes({ db }: RouteDependencies): Router {
  const router = Router();
  router.use('/consortia', requireRole('enterprise', 'university'));

  router.get('/consortia', async (request, response) => {
    response.render('pages/consortia/list', {
      title: request.t('nav.consortia'),
      consortia: await listConsortiaOfMember(db, request.user!),
    });
  });

  router.get('/consortia/:id', async (request, response) => {
    const consortium = await getConsortiumForUser(db, request.user!, idParam(request));
    response.render('pages/consortia/consortium', consortiumPageModel(request, consortium));
  });

  return router;
}
