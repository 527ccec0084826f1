import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Database } from '../../services/db/index.js';
import {
  INBOX_PAGE_SIZE,
  listInbox,
  listPreferences,
  markNotices,
  openNotice,
  unreadCount,
  updatePreferences,
} from '../../services/notifications/index.js';
import { NOTICE_DELIVERIES } from '../../services/shared/enums.js';
import { ValidationError } from '../../services/shared/errors.js';
import { requireUser } from '../auth/guards.js';
import { safeLocalPath } from '../locale.js';
import { flash } from '../navigation.js';
import { unreadNoticesOfRequest } from '../sessions.js';
import { formBody, idParam } from './request-helpers.js';
import type { RouteDependencies } from './route-dependencies.js';

/** The bell's unread count on every page a signed-in person sees. */
export function noticeBell(db: Database) {
  return async (request: Request, response: Response, next: NextFunction) => {
    if (request.user && request.method === 'GET' && !request.path.startsWith('/api/'))
      response.locals.unreadNotices =
        unreadNoticesOfRequest(request) ?? (await unreadCount(db, request.user.id));
    next();
  };
}

export function notificationRoutes({ db }: RouteDependencies): Router {
  const router = Router();
  router.use('/notifications', requireUser);

  router.get('/notifications', async (request, response) => {
    const unreadOnly = request.query.unread === '1';
    const page = Math.max(1, Number.parseInt(String(request.query.page ?? '1'), 10) || 1);
    const notices = await listInbox(db, request.user!, request.locale, { unreadOnly, page });
    response.render('pages/notifications/inbox', {
      title: request.t('notifications.title'),
      unreadOnly,
      notices: notices.map((notice) => ({ ...notice, isUnread: notice.readAt === null })),
      nextPage: notices.length === INBOX_PAGE_SIZE ? page + 1 : null,
      previousPage: page > 1 ? page - 1 : null,
    });
  });

  const renderSettings = async (
    request: Request,
    response: Response,
    status: number,
    errors: Record<string, string>,
  ) => {
    const rows = await listPreferences(db, request.user!);
    response.status(status).render('pages/notifications/settings', {
      title: request.t('notifications.settings.title'),
      errors,
      rows: rows.map((row) => ({
        ...row,
        options: NOTICE_DELIVERIES.map((delivery) => ({
          value: delivery,
          labelKey: `notifications.delivery.${delivery}`,
          checked: delivery === row.delivery,
        })),
      })),
    });
  };

  router.get('/notifications/settings', (request, response) => renderSettings(request, response, 200, {}));

  router.post('/notifications/settings', async (request, response) => {
    try {
      await updatePreferences(db, request.user!, formBody(request));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderSettings(request, response, 400, error.details);
    }
    flash(request, 'success', 'notifications.settings.saved');
    response.redirect('/notifications/settings');
  });

  router.post('/notifications/read-all', async (request, response) => {
    await markNotices(db, request.user!, 'all', true);
    response.redirect('/notifications');
  });

  // Opening a notice reads it and goes to what it is about.
  router.get('/notifications/:id', async (request, response) => {
    response.redirect(safeLocalPath(await openNotice(db, request.user!, idParam(request))));
  });

  router.post('/notifications/:id/:state', async (request, response) => {
    const state = request.params.state;
    if (state !== 'read' && state !== 'unread') throw new ValidationError('read or unread');
    await markNotices(db, request.user!, [idParam(request)], state === 'read');
    response.redirect(request.query.unread === '1' ? '/notifications?unread=1' : '/notifications');
  });

  return router;
}
