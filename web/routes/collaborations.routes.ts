import { Router } from 'express';
import {
  type CollaborationDetail,
  getCollaborationForParty,
  listCollaborationsForParty,
} from '../../services/collaborations/index.js';
import { COLLABORATION_STAGES } from '../../services/shared/enums.js';
import { requireRole } from '../auth/guards.js';
import { idParam } from './request-helpers.js';
import type { RouteDependencies } from './route-dependencies.js';

/**
 * The timeline of a collaboration: its history and its milestones' due and done dates, in date
 * order, so both sides read what happened and what comes next in one column.
 */
function timelineOf(collaboration: CollaborationDetail) {
  const events = [
    ...collaboration.history.map((entry) => {
      const after = (entry.after ?? {}) as Record<string, unknown>;
      return {
        on: entry.at.toISOString().slice(0, 10),
        key: `history.${entry.action}`,
        stage: typeof after.stage === 'string' ? after.stage : null,
        title: typeof after.title === 'string' ? after.title : null,
        done: true,
        upcoming: false,
      };
    }),
    ...collaboration.milestones
      .filter((milestone) => !milestone.doneOn)
      .map((milestone) => ({
        on: milestone.dueOn,
        key: milestone.overdue ? 'progress.milestoneOverdue' : 'progress.milestoneDue',
        stage: milestone.stage,
        title: milestone.title,
        done: false,
        upcoming: true,
      })),
  ];
  return events.sort((left, right) => left.on.localeCompare(right.on));
}

/** Collaboration progress for its two sides, read-only: the firm and the university team. */
export function portalCollaborationRoutes({ db }: RouteDependencies): Router {
  const router = Router();
  const parties = requireRole('enterprise', 'university');

  router.get('/collaborations', parties, async (request, response) => {
    const collaborations = await listCollaborationsForParty(db, request.user!);
    response.render('pages/collaborations', { title: request.t('nav.progress'), collaborations });
  });

  router.get('/collaborations/:id', parties, async (request, response) => {
    const { collaboration, side, contact } = await getCollaborationForParty(
      db,
      request.user!,
      idParam(request),
    );
    const index = COLLABORATION_STAGES.indexOf(collaboration.stage);
    response.render('pages/collaboration', {
      title: collaboration.title,
      collaboration,
      isFirm: side === 'enterprise',
      contact,
      stages: COLLABORATION_STAGES.map((stage, position) => ({
        stage,
        reached: position <= index,
        current: position === index,
      })),
      timeline: timelineOf(collaboration),
    });
  });

  return router;
}
