import { Router } from 'express';
import type { PortalDependencies } from '../../../services/demands/index.js';
import {
  findFacultyProfile,
  findTeamProfile,
  updateFacultyProfile,
  updateTeamProfile,
} from '../../../services/profiles/index.js';
import { requireUser } from '../../auth/guards.js';
import { idParam } from '../request-helpers.js';

import { jsonBody } from './demands.api.js';

/** Team and faculty profiles as JSON: any signed-in user reads them; only their own people change them. */
export function profileApi(deps: PortalDependencies): Router {
  const router = Router();
  router.use('/api/v1/profiles', requireUser);

  router.get('/api/v1/profiles/teams/:id', async (request, response) => {
    response.json({ team: await findTeamProfile(deps.db, idParam(request)) });
  });

  router.patch('/api/v1/profiles/teams/:id', async (request, response) => {
    const id = idParam(request);
    const current = await findTeamProfile(deps.db, id);
    const body = {
      description: current.description,
      researchDirections: current.researchDirections,
      ...jsonBody(request),
    };
    response.json({ team: await updateTeamProfile(deps, request.user!, id, body) });
  });

  router.get('/api/v1/profiles/faculty/:id', async (request, response) => {
    response.json({ faculty: await findFacultyProfile(deps.db, request.user!, idParam(request)) });
  });

  router.patch('/api/v1/profiles/faculty/:id', async (request, response) => {
    const id = idParam(request);
    const current = await findFacultyProfile(deps.db, request.user!, id);
    const body = { bio: current.bio, researchDirections: current.researchDirections, ...jsonBody(request) };
    response.json({ faculty: await updateFacultyProfile(deps, request.user!, id, body) });
  });

  return router;
}
