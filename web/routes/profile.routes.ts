import { type Request, type Response, Router } from 'express';
import type { PortalDependencies } from '../../services/demands/index.js';
import {
  addResult,
  addWork,
  editResult,
  editWork,
  findOwnProfile,
  findOwnResult,
  findOwnWork,
  removeWork,
  updateOwnFaculty,
  updateOwnTeam,
} from '../../services/profiles/index.js';
import { NotFoundError, ValidationError } from '../../services/shared/errors.js';
import { requireRole } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { asFormValues, enumOptions, keptValues } from './portal-forms.js';
import { formBody, idParam } from './request-helpers.js';

type Section = 'team' | 'faculty';

async function renderProfile(
  deps: PortalDependencies,
  request: Request,
  response: Response,
  failed: { section: Section; values: Record<string, string>; errors: Record<string, string> } | null,
) {
  const profile = await findOwnProfile(deps.db, request.user!);
  const formOf = (section: Section, stored: object | null) =>
    stored === null
      ? null
      : failed?.section === section
        ? { values: failed.values, errors: failed.errors }
        : { values: asFormValues(stored), errors: {} };
  response.status(failed ? 400 : 200).render('pages/university/profile', {
    title: request.t('nav.profile'),
    team: profile.team,
    faculty: profile.faculty,
    teamForm: formOf('team', profile.team),
    facultyForm: formOf('faculty', profile.faculty),
    works: profile.works,
    results: profile.results,
    hasErrors: failed !== null,
  });
}

function workModel(
  request: Request,
  workId: number | null,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  return {
    title: request.t(workId ? 'work.editTitle' : 'work.newTitle'),
    action: workId ? `/profile/works/${workId}` : '/profile/works',
    values,
    errors,
    hasErrors: Object.keys(errors).length > 0,
    kindOptions: enumOptions(request.locale, 'workKind', values.kind),
  };
}

function resultModel(
  request: Request,
  resultId: number | null,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  return {
    title: request.t(resultId ? 'result.editTitle' : 'result.newTitle'),
    action: resultId ? `/profile/results/${resultId}` : '/profile/results',
    values,
    errors,
    hasErrors: Object.keys(errors).length > 0,
    ipOptions: enumOptions(request.locale, 'ipStatus', values.ipStatus),
  };
}

/** A university team leader or faculty member keeps the profile the matcher reads; every save re-ranks at once. */
export function profileRoutes(deps: PortalDependencies): Router {
  const router = Router();
  router.use('/profile', requireRole('university'));

  router.get('/profile', (request, response) => renderProfile(deps, request, response, null));

  for (const section of ['team', 'faculty'] as const) {
    router.post(`/profile/${section}`, async (request, response) => {
      const body = formBody(request);
      try {
        await (section === 'team' ? updateOwnTeam : updateOwnFaculty)(deps, request.user!, body);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderProfile(deps, request, response, {
          section,
          values: keptValues(body),
          errors: error.details,
        });
      }
      flash(request, 'success', 'profile.saved');
      response.redirect(303, '/profile');
    });
  }

  router.get('/profile/works/new', (request, response) => {
    if (!request.user!.facultyId) throw new NotFoundError('this account keeps no works');
    response.render('pages/university/work-form', workModel(request, null, {}, {}));
  });

  router.post('/profile/works', async (request, response) => {
    const body = formBody(request);
    try {
      await addWork(deps, request.user!, body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return response
        .status(400)
        .render('pages/university/work-form', workModel(request, null, keptValues(body), error.details));
    }
    flash(request, 'success', 'profile.saved');
    response.redirect(303, '/profile');
  });

  router.get('/profile/works/:id/edit', async (request, response) => {
    const work = await findOwnWork(deps.db, request.user!, idParam(request));
    response.render('pages/university/work-form', workModel(request, work.id, asFormValues(work), {}));
  });

  router.post('/profile/works/:id', async (request, response) => {
    const id = idParam(request);
    const body = formBody(request);
    try {
      await editWork(deps, request.user!, id, body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return response
        .status(400)
        .render('pages/university/work-form', workModel(request, id, keptValues(body), error.details));
    }
    flash(request, 'success', 'profile.saved');
    response.redirect(303, '/profile');
  });

  router.post('/profile/works/:id/delete', async (request, response) => {
    await removeWork(deps, request.user!, idParam(request));
    flash(request, 'success', 'work.deleted');
    response.redirect(303, '/profile');
  });

  router.get('/profile/results/new', (request, response) => {
    response.render('pages/university/result-form', resultModel(request, null, { ipStatus: 'none' }, {}));
  });

  router.post('/profile/results', async (request, response) => {
    const body = formBody(request);
    try {
      await addResult(deps, request.user!, body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return response
        .status(400)
        .render('pages/university/result-form', resultModel(request, null, keptValues(body), error.details));
    }
    flash(request, 'success', 'profile.saved');
    response.redirect(303, '/profile');
  });

  router.get('/profile/results/:id/edit', async (request, response) => {
    const result = await findOwnResult(deps.db, request.user!, idParam(request));
    response.render(
      'pages/university/result-form',
      resultModel(request, result.id, asFormValues(result), {}),
    );
  });

  router.post('/profile/results/:id', async (request, response) => {
    const id = idParam(request);
    const body = formBody(request);
    try {
      await editResult(deps, request.user!, id, body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return response
        .status(400)
        .render('pages/university/result-form', resultModel(request, id, keptValues(body), error.details));
    }
    flash(request, 'success', 'profile.saved');
    response.redirect(303, '/profile');
  });

  return router;
}
