import { Router } from 'express';
import { assignStaffToChain, changeRole, listStaffMembers } from '../../../services/admin/index.js';
import type { Database } from '../../../services/db/index.js';
import { enumLabel } from '../../../services/i18n/index.js';
import {
  type LoginLimitPolicy,
  listLockedLogins,
  unlockAccount,
} from '../../../services/login-limits/index.js';
import { CHAIN_CODES, USER_STATUSES, type UserStatus } from '../../../services/shared/enums.js';
import { approveUser, disableUser, enableUser, listUsers } from '../../../services/users/index.js';
import { requireRole } from '../../auth/guards.js';
import { actorOf, actThenReturn, bodyOf, idParam } from '../staff/staff-context.js';

/** Accounts and roles, approving enterprise sign-ups, and the staff of each chain's task force: admins only. */
export function adminRoutes(db: Database, options: { loginLimits: LoginLimitPolicy }): Router {
  const router = Router();
  router.use('/admin', requireRole('admin'));

  router.get('/admin/users', async (request, response) => {
    const status = (USER_STATUSES as readonly string[]).includes(String(request.query.status))
      ? (request.query.status as UserStatus)
      : undefined;
    const users = await listUsers(db, status ? { status } : {});
    const lockedLogins = await listLockedLogins(db, options.loginLimits);
    response.render('pages/admin/users', {
      title: request.t('nav.admin'),
      status,
      statusKeys: Object.fromEntries(USER_STATUSES.map((code) => [code, `admin.status.${code}`])),
      users: users.map((user) => ({
        ...user,
        isBureau: user.role === 'staff' || user.role === 'admin',
        isSelf: user.id === request.user?.id,
        canApprove: user.status === 'pending',
        canDisable: user.status !== 'disabled' && user.id !== request.user?.id,
        canEnable: user.status === 'disabled',
      })),
      back: request.originalUrl,
      lockedLogins: lockedLogins.map((locked) => ({
        ...locked,
        until: (locked.blockedUntil ?? locked.lastFailureAt).toISOString().replace('T', ' ').slice(0, 19),
      })),
    });
  });

  router.post('/admin/logins/unlock', (request, response) =>
    actThenReturn(request, response, '/admin/users#locked-logins', 'logins.done.unlocked', () =>
      unlockAccount(db, actorOf(request), String(bodyOf(request).account ?? '')),
    ),
  );

  const userAction = (
    path: string,
    successKey: string,
    act: (actor: ReturnType<typeof actorOf>, id: number, body: Record<string, unknown>) => Promise<unknown>,
  ) =>
    router.post(`/admin/users/:id/${path}`, (request, response) =>
      actThenReturn(request, response, '/admin/users', successKey, () =>
        act(actorOf(request), idParam(request.params.id), bodyOf(request)),
      ),
    );
  userAction('approve', 'admin.done.approved', (actor, id) => approveUser(db, actor, id));
  userAction('disable', 'admin.done.disabled', (actor, id) => disableUser(db, actor, id));
  userAction('enable', 'admin.done.enabled', (actor, id) => enableUser(db, actor, id));
  userAction('role', 'admin.done.role', (actor, id, body) => changeRole(db, actor, id, body.role));

  router.get('/admin/staff', async (request, response) => {
    const members = await listStaffMembers(db);
    response.render('pages/admin/staff', {
      title: request.t('admin.staff.title'),
      members: members.map((member) => ({
        ...member,
        chainOptions: CHAIN_CODES.map((code) => ({
          value: code,
          label: enumLabel(request.locale, 'chain', code),
          selected: code === member.chainCode,
        })),
      })),
    });
  });

  router.post('/admin/staff/:id/chain', (request, response) =>
    actThenReturn(request, response, '/admin/staff', 'admin.done.chain', () =>
      assignStaffToChain(db, actorOf(request), idParam(request.params.id), bodyOf(request).chainCode),
    ),
  );

  return router;
}
