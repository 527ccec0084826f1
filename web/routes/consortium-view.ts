import type { Request } from 'express';
import type { ConsortiumDetail } from '../../services/consortia/index.js';
import { enumLabel } from '../../services/i18n/index.js';
import { CONSORTIUM_TASK_STATUSES } from '../../services/shared/enums.js';

/** The consortium page's model, shared by its members' view and the staff's. */
export function consortiumPageModel(request: Request, consortium: ConsortiumDetail) {
  return {
    title: consortium.name,
    consortium,
    tasks: consortium.tasks.map((task) => ({
      ...task,
      statusOptions: CONSORTIUM_TASK_STATUSES.map((status) => ({
        value: status,
        label: enumLabel(request.locale, 'consortiumTaskStatus', status),
        selected: status === task.status,
      })),
    })),
    history: consortium.history.map((entry) => ({
      at: entry.at,
      actor: entry.actorLabel,
      actionKey: `history.${entry.action}`,
    })),
  };
}
