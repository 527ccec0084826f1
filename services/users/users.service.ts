import { passwordProblem } from '../accounts/password-policy.js';
import { type Actor, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import { registerEnterpriseRecord } from '../enterprises/index.js';
import type { Locale } from '../i18n/index.js';
import { notifySignupApproved, notifySignupWaiting } from '../notifications/index.js';
import type { UserStatus } from '../shared/enums.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { enterpriseSignUpSchema, fieldProblemsOf } from '../validation/index.js';
import { hashPassword, verifyPassword } from './password.js';
import {
  findCredentialsByEmail,
  findUsersByIds,
  insertUser,
  listUsers,
  lockActiveAdministrators,
  updateUser,
} from './users.repository.js';
import type { EnterpriseSignUp, User } from './users.types.js';

export type LoginOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'pending' | 'disabled' };

/** Hash of a password nobody has: checking it keeps a login for an unknown email as slow as a real one. */
let decoyHash: Promise<string> | null = null;

export { MIN_PASSWORD_LENGTH } from '../accounts/password-policy.js';

export async function authenticate(db: Database, email: string, password: string): Promise<LoginOutcome> {
  const credentials = await findCredentialsByEmail(db, email);
  if (!credentials) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await verifyPassword(await decoyHash, password);
    return { ok: false, reason: 'invalid' };
  }
  if (!(await verifyPassword(credentials.passwordHash, password))) return { ok: false, reason: 'invalid' };
  if (credentials.user.status !== 'active')
    return { ok: false, reason: credentials.user.status === 'pending' ? 'pending' : 'disabled' };
  const user = await updateUser(db, credentials.user.id, { lastLoginAt: new Date() });
  return { ok: true, user: user ?? credentials.user };
}

export async function findUserById(db: Database, id: number): Promise<User | null> {
  const [user] = await findUsersByIds(db, [id]);
  return user ?? null;
}

/** An enterprise signs itself up; the account waits for a staff member's approval. */
export async function registerEnterprise(db: Database, input: EnterpriseSignUp): Promise<User> {
  const passwordIssue = passwordProblem(input.password);
  const signUp = enterpriseSignUpSchema.safeParse(input);
  const problems = signUp.success ? {} : fieldProblemsOf(signUp.error);
  if (passwordIssue) problems.password = passwordIssue;
  if (!signUp.success || passwordIssue) throw new ValidationError('invalid input', problems);
  const { email, enterpriseName, displayName, industry, contactPhone, chains } = signUp.data;

  const passwordHash = await hashPassword(input.password);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      if (await findCredentialsByEmail(tx, email))
        throw new ValidationError('email taken', { email: 'validation.emailTaken' });
      const enterprise = await registerEnterpriseRecord(
        tx,
        {
          name: enterpriseName,
          industry,
          size: signUp.data.size,
          contactName: displayName,
          contactPhone,
          contactEmail: email,
        },
        chains,
      );
      const user = await insertUser(tx, {
        email,
        passwordHash,
        displayName,
        role: 'enterprise',
        status: 'pending',
        enterpriseId: enterprise.id,
      });
      const actor: Actor = { userId: user.id, label: email };
      await insertAuditEntries(tx, actor, [
        {
          action: 'enterprise.registered',
          entityType: 'enterprise',
          entityId: enterprise.id,
          after: enterprise,
        },
        {
          action: 'user.registered',
          entityType: 'user',
          entityId: user.id,
          after: { email, role: 'enterprise', status: 'pending' },
        },
      ]);
      await notifySignupWaiting(tx, { enterpriseName, email });
      return user;
    }),
  );
}

/**
 * An administrator may not disable their own account (they would be shut out mid-task), nor the
 * last active administrator (nobody could approve or enable anyone again).
 */
export async function refuseToRemoveAdministration(
  db: Database,
  actor: Actor,
  user: { id: number; role: string; status: string },
): Promise<void> {
  if (user.id === actor.userId)
    throw new ConflictError('an administrator cannot disable their own account', {
      status: 'admin.notSelfDisable',
    });
  if (user.role !== 'admin' || user.status !== 'active') return;
  const active = await lockActiveAdministrators(db);
  if (active.filter((id) => id !== user.id).length === 0)
    throw new ConflictError('the last active administrator stays', { status: 'admin.lastAdmin' });
}

async function changeStatus(
  db: Database,
  actor: Actor,
  userId: number,
  from: UserStatus[],
  to: UserStatus,
): Promise<User> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new NotFoundError('no such user');
    if (to === 'disabled') await refuseToRemoveAdministration(tx, actor, user);
    if (!from.includes(user.status))
      throw new ConflictError(`user is ${user.status}`, { status: `user.status.${user.status}` });
    const updated = await updateUser(tx, userId, { status: to });
    await insertAuditEntries(tx, actor, [
      {
        action: `user.${to}`,
        entityType: 'user',
        entityId: userId,
        before: { status: user.status },
        after: { status: to },
      },
    ]);
    if (user.status === 'pending' && to === 'active')
      await notifySignupApproved(tx, { userId, role: user.role });
    return updated!;
  });
}

export const approveUser = (db: Database, actor: Actor, userId: number) =>
  changeStatus(db, actor, userId, ['pending'], 'active');
export const disableUser = (db: Database, actor: Actor, userId: number) =>
  changeStatus(db, actor, userId, ['pending', 'active'], 'disabled');
export const enableUser = (db: Database, actor: Actor, userId: number) =>
  changeStatus(db, actor, userId, ['disabled'], 'active');

export async function setUserLocale(db: Database, userId: number, locale: Locale): Promise<void> {
  await updateUser(db, userId, { locale });
}

export { countUsers } from './users.repository.js';
export { listUsers };
