import { Router } from 'express';
import {
  countOutboxByStatus,
  findOutboxMail,
  findOutboxMails,
  requeueFailedMail,
} from '../../services/mail/index.js';
import { MAIL_STATUSES, type MailStatus } from '../../services/shared/enums.js';
import { NotFoundError } from '../../services/shared/errors.js';
import { requireRole } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { idParam } from './request-helpers.js';
import type { RouteDependencies } from './route-dependencies.js';

const PAGE_SIZE = 200;

/**
 * The outbox as administrators read it: what went out, what waits, what failed and why. Without
 * SMTP_URL this is where invitation and reset links are read on a laptop.
 */
export function outgoingMailRoutes({ db }: RouteDependencies, options: { smtpConfigured: boolean }): Router {
  const router = Router();
  router.use('/admin/mail', requireRole('admin'));

  router.get('/admin/mail', async (request, response) => {
    const status = MAIL_STATUSES.find((known) => known === request.query.status) as MailStatus | undefined;
    const [mails, counts] = await Promise.all([
      findOutboxMails(db, { ...(status ? { status } : {}), limit: PAGE_SIZE }),
      countOutboxByStatus(db),
    ]);
    response.render('pages/admin/mail', {
      title: request.t('outbox.title'),
      smtpConfigured: options.smtpConfigured,
      status,
      counts,
      statuses: MAIL_STATUSES.map((code) => ({ code, count: counts[code], current: code === status })),
      mails,
    });
  });

  router.get('/admin/mail/:id', async (request, response) => {
    const mail = await findOutboxMail(db, idParam(request));
    if (!mail) throw new NotFoundError('no such mail');
    response.render('pages/admin/mail-message', {
      title: mail.subject,
      mail,
      isFailed: mail.status === 'failed',
    });
  });

  router.post('/admin/mail/:id/retry', async (request, response) => {
    const id = idParam(request);
    const requeued = await requeueFailedMail(db, id);
    flash(request, requeued ? 'success' : 'error', requeued ? 'outbox.requeued' : 'outbox.notFailed');
    response.redirect(`/admin/mail/${id}`);
  });

  return router;
}
