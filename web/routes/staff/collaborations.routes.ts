import { type Request, Router } from 'express';
import { actorOf } from '../../../services/audit/index.js';
import {
  addMilestone,
  addNote,
  type CollaborationDetail,
  getCollaboration,
  isStage,
  listCollaborations,
  moveStage,
  recordOutcomes,
  setMilestoneCompletion,
} from '../../../services/collaborations/index.js';
import { COLLABORATION_STAGES } from '../../../services/shared/enums.js';
import { formBody, idParam } from '../request-helpers.js';
import type { RouteDependencies } from '../route-dependencies.js';
import { actThenReturn, chainOptions, chosenChain, optionsOf } from './staff-context.js';

/** What one audit entry says, for a person: the action's words and the stage moved to, if any. */
function historyLine(entry: CollaborationDetail['history'][number]) {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  return {
    at: entry.at,
    actor: entry.actorLabel,
    actionKey: `history.${entry.action}`,
    fromStage: typeof before.stage === 'string' ? before.stage : null,
    toStage: typeof after.stage === 'string' ? after.stage : null,
    note: typeof after.note === 'string' ? after.note : typeof after.title === 'string' ? after.title : null,
  };
}

export function collaborationRoutes({ db }: RouteDependencies): Router {
  const router = Router();

  router.get('/staff/collaborations', async (request, response) => {
    const chainCode = await chosenChain(db, request);
    const stage = isStage(request.query.stage) ? request.query.stage : null;
    const collaborations = await listCollaborations(db, { chainCode, stage });
    response.render('pages/staff/collaborations', {
      title: request.t('nav.collaborations'),
      chainCode,
      chainOptions: chainOptions(request, chainCode),
      stageOptions: optionsOf(request, 'stage', COLLABORATION_STAGES, stage),
      collaborations,
    });
  });

  router.get('/staff/collaborations/:id', async (request, response) => {
    const collaboration = await getCollaboration(db, idParam(request));
    const index = COLLABORATION_STAGES.indexOf(collaboration.stage);
    response.render('pages/staff/collaboration', {
      title: collaboration.title,
      collaboration,
      consentKey: collaboration.consentBasis ? `consent.basis.${collaboration.consentBasis}` : null,
      stages: COLLABORATION_STAGES.map((stage, position) => ({
        stage,
        current: position === index,
        done: position < index,
      })),
      nextStage: COLLABORATION_STAGES[index + 1] ?? null,
      earlierStages: optionsOf(request, 'stage', COLLABORATION_STAGES.slice(0, index)),
      stageOptions: optionsOf(request, 'stage', COLLABORATION_STAGES, collaboration.stage),
      notes: collaboration.notes ? collaboration.notes.split('\n') : [],
      history: collaboration.history.map(historyLine),
      back: `/staff/collaborations/${collaboration.id}`,
    });
  });

  const action = (
    path: string,
    successKey: string,
    act: (id: number, body: Record<string, unknown>, request: Request) => Promise<unknown>,
  ) =>
    router.post(`/staff/collaborations/:id/${path}`, (request, response) => {
      const id = idParam(request);
      return actThenReturn(request, response, `/staff/collaborations/${id}`, successKey, () =>
        act(id, formBody(request), request),
      );
    });

  action('stage', 'collaboration.done.stage', (id, body, request) =>
    moveStage(db, actorOf(request.user), id, { to: body.to, note: body.note }),
  );
  action('outcomes', 'form.saved', (id, body, request) =>
    recordOutcomes(db, actorOf(request.user), id, {
      contractValue: body.contractValue,
      patentsGranted: body.patentsGranted,
      newProducts: body.newProducts,
      revenue: body.revenue,
    }),
  );
  action('notes', 'collaboration.done.note', (id, body, request) =>
    addNote(db, actorOf(request.user), id, body.note),
  );
  action('milestones', 'collaboration.done.milestone', (id, body, request) =>
    addMilestone(db, actorOf(request.user), id, { title: body.title, stage: body.stage, dueOn: body.dueOn }),
  );
  router.post('/staff/collaborations/:id/milestones/:milestoneId', (request, response) => {
    const id = idParam(request);
    const body = formBody(request);
    return actThenReturn(request, response, `/staff/collaborations/${id}`, 'form.saved', () =>
      setMilestoneCompletion(db, actorOf(request.user), id, idParam(request, 'milestoneId'), {
        done: body.done === '1',
        doneOn: body.doneOn,
      }),
    );
  });

  return router;
}
