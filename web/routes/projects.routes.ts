import { type Request, type Response, Router } from 'express';
import { listDemandsForUser } from '../../services/demands/index.js';
import {
  applicationContext,
  applyForProject,
  getProjectForUser,
  listProjectsOfFirm,
  resubmitProject,
} from '../../services/projects/index.js';
import { ValidationError } from '../../services/shared/errors.js';
import { requireRole } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { asFormValues, keptValues } from './portal-forms.js';
import { projectPageModel } from './project-view.js';
import { formBody, idParam } from './request-helpers.js';
import type { RouteDependencies } from './route-dependencies.js';

type Context = Awaited<ReturnType<typeof applicationContext>>;

function formModel(
  request: Request,
  context: Context,
  action: string,
  values: Record<string, string | string[]>,
  errors: Record<string, string>,
) {
  const chosen = new Set([values.teamIds ?? []].flat().map(String));
  return {
    title: request.t('project.applyTitle'),
    demand: context.demand,
    action,
    values,
    errors,
    hasErrors: Object.keys(errors).length > 0,
    formError: errors.demand ?? errors.teamIds ?? null,
    teams: context.teams.map((team) => ({ ...team, checked: chosen.has(String(team.teamId)) })),
    hasCollaboration: context.collaborationId !== null,
  };
}

/** A failed save shows the form again with what was typed, the teams ticked and every problem. */
function kept(body: Record<string, unknown>) {
  const teamIds = [body.teamIds ?? []].flat().map(String);
  return { ...keptValues(body), teamIds };
}

function demandIdOf(value: unknown): number {
  const text = String(value ?? '');
  return /^\d{1,9}$/.test(text) ? Number(text) : 0;
}

/** The firm's side of the choke-point library: apply from a demand, follow the review, revise. */
export function projectRoutes({ db }: RouteDependencies): Router {
  const router = Router();
  router.use('/projects', requireRole('enterprise'));

  router.get('/projects', async (request, response) => {
    const [projects, demands] = await Promise.all([
      listProjectsOfFirm(db, request.user!),
      listDemandsForUser(db, request.user!),
    ]);
    const applied = new Set(
      projects.filter((project) => project.status !== 'rejected').map((project) => project.demandId),
    );
    response.render('pages/enterprise/projects', {
      title: request.t('nav.myProjects'),
      projects,
      eligible: demands.filter(
        (demand) =>
          demand.demandClass === 'chokepoint' && demand.status !== 'closed' && !applied.has(demand.id),
      ),
    });
  });

  router.get('/projects/apply', async (request, response) => {
    const context = await applicationContext(db, request.user!, demandIdOf(request.query.demand));
    if (context.liveProjectId !== null) return response.redirect(`/projects/${context.liveProjectId}`);
    const values = {
      title: context.demand.title,
      teamIds: context.teams.map((team) => String(team.teamId)),
    };
    response.render('pages/enterprise/project-form', formModel(request, context, '/projects', values, {}));
  });

  router.post('/projects', async (request: Request, response: Response) => {
    const body = formBody(request);
    const demandId = demandIdOf(body.demandId);
    try {
      const id = await applyForProject(db, request.user!, demandId, body);
      flash(request, 'success', 'project.applied');
      response.redirect(303, `/projects/${id}`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const context = await applicationContext(db, request.user!, demandId);
      response
        .status(400)
        .render(
          'pages/enterprise/project-form',
          formModel(request, context, '/projects', kept(body), error.details),
        );
    }
  });

  router.get('/projects/:id', async (request, response) => {
    const project = await getProjectForUser(db, request.user!, idParam(request));
    const context = project.demandId ? await applicationContext(db, request.user!, project.demandId) : null;
    const values = { ...asFormValues(project), teamIds: project.teams.map((team) => String(team.teamId)) };
    response.render('pages/projects/project', {
      ...projectPageModel(request, project),
      revise:
        project.status === 'changes_requested' && context
          ? formModel(request, context, `/projects/${project.id}`, values, {})
          : null,
    });
  });

  router.post('/projects/:id', async (request, response) => {
    const id = idParam(request);
    const body = formBody(request);
    try {
      await resubmitProject(db, request.user!, id, body);
      flash(request, 'success', 'project.resubmitted');
      response.redirect(303, `/projects/${id}`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const project = await getProjectForUser(db, request.user!, id);
      const context = await applicationContext(db, request.user!, project.demandId ?? 0);
      response.status(400).render('pages/projects/project', {
        ...projectPageModel(request, project),
        revise: formModel(request, context, `/projects/${id}`, kept(body), error.details),
      });
    }
  });

  return router;
}
