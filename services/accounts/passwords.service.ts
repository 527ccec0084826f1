import { randomBytes } from 'node:crypto';
import { insertAuditEntries, SYSTEM_ACTOR } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import { forgetAccountFailures } from '../login-limits/index.js';
import { portalLink } from '../mail/index.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { findUserById, hashPassword, type User, verifyPassword } from '../users/index.js';
import { findCredentialsByEmail, insertUser } from '../users/users.repository.js';
import { administratorSchema, fieldProblemsOf, passwordResetRequestSchema } from '../validation/index.js';
import { queueResetMail } from './account-mails.js';
import {
  deleteSessionsOfUser,
  findPasswordHash,
  findPasswordResetByHash,
  insertPasswordReset,
  lockPasswordResetByHash,
  setPasswordHash,
  useUpPasswordResets,
} from './accounts.repository.js';
import { readSetPasswordForm, TokenRefusedError } from './invitations.service.js';
import { passwordProblem } from './password-policy.js';
import { hashToken, looksLikeToken, newToken } from './tokens.js';

/** How long a forgotten-password link works. */
export const RESET_LINK_MS = 60 * 60 * 1000;
/** The first administrator's link: long enough to be read the next morning. */
export const ADMIN_SETUP_LINK_MS = 24 * 60 * 60 * 1000;

/**
 * "Forgot password": an active account gets a one-hour link by mail; any other address gets
 * nothing. The caller answers the same either way, so the page tells nobody which addresses exist.
 */
export async function requestPasswordReset(db: Database, email: unknown): Promise<void> {
  const request = passwordResetRequestSchema.safeParse({ email });
  // A malformed address is told nothing either, as an unknown one is.
  if (!request.success) return;
  const address = request.data.email;
  await db.transaction(async (tx) => {
    const credentials = await findCredentialsByEmail(tx, address);
    if (credentials?.user.status !== 'active') return;
    const { user } = credentials;
    const { token, tokenHash } = newToken();
    await insertPasswordReset(tx, {
      userId: user.id,
      tokenHash,
      expiresAt: new Date(Date.now() + RESET_LINK_MS),
    });
    await queueResetMail(tx, {
      to: user.email,
      userId: user.id,
      name: user.displayName,
      locale: user.locale,
      token,
    });
    await insertAuditEntries(tx, { userId: user.id, label: user.email }, [
      { action: 'user.password_reset_requested', entityType: 'user', entityId: user.id },
    ]);
  });
}

function refusalOf(reset: { usedAt: Date | null; expiresAt: Date } | null): TokenRefusedError | null {
  if (!reset) return new TokenRefusedError('unknown');
  if (reset.usedAt) return new TokenRefusedError('used');
  if (reset.expiresAt.getTime() <= Date.now()) return new TokenRefusedError('expired');
  return null;
}

/** Checks a reset link before showing its form. */
export async function checkResetToken(db: Database, token: unknown): Promise<void> {
  const reset = looksLikeToken(token) ? await findPasswordResetByHash(db, hashToken(token)) : null;
  const refusal = refusalOf(reset);
  if (refusal) throw refusal;
}

/** Sets a new password from a reset link, uses the link up, and ends every session of the user. */
export async function resetPassword(
  db: Database,
  input: { token: unknown; password: unknown; confirmation: unknown },
): Promise<User> {
  const { tokenHash, passwordHash } = await readSetPasswordForm(input);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const reset = await lockPasswordResetByHash(tx, tokenHash);
      const refusal = refusalOf(reset);
      if (refusal) throw refusal;
      const user = await findUserById(tx, reset!.userId);
      if (!user || user.status === 'disabled') throw new TokenRefusedError('revoked');
      await setPasswordHash(tx, user.id, passwordHash);
      await useUpPasswordResets(tx, user.id);
      await forgetAccountFailures(tx, user.email);
      const ended = await deleteSessionsOfUser(tx, user.id, null);
      await insertAuditEntries(tx, { userId: user.id, label: user.email }, [
        {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: user.id,
          after: { sessionsEnded: ended },
        },
      ]);
      return user;
    }),
  );
}

/** A signed-in user changes their password; every other session of theirs ends. */
export async function changePassword(
  db: Database,
  user: User,
  input: { current: unknown; password: unknown; confirmation: unknown; keepSessionId: string },
): Promise<void> {
  const stored = await findPasswordHash(db, user.id);
  if (!stored || typeof input.current !== 'string' || !(await verifyPassword(stored, input.current)))
    throw new ValidationError('current password wrong', { current: 'account.password.currentWrong' });
  const problem = passwordProblem(input.password, input.confirmation);
  if (problem) throw new ValidationError('password refused', { password: problem });
  if (input.password === input.current)
    throw new ValidationError('same password', { password: 'account.password.same' });
  const passwordHash = await hashPassword(String(input.password));
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    await useUpPasswordResets(tx, user.id);
    const ended = await deleteSessionsOfUser(tx, user.id, input.keepSessionId);
    await insertAuditEntries(tx, { userId: user.id, label: user.email }, [
      {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
        after: { sessionsEnded: ended },
      },
    ]);
  });
}

/**
 * The first administrator of a production database (`npm run admin:create`): an active account
 * with no usable password, and a one-time link to set one. Nothing is printed but that link.
 */
export async function createAdministrator(
  db: Database,
  input: { email: unknown; displayName?: unknown },
): Promise<{ userId: number; setPasswordUrl: string }> {
  const fields = administratorSchema.safeParse(input);
  if (!fields.success) {
    // The script prints the message: name the field at fault in words, as the form's key would.
    const problems = fieldProblemsOf(fields.error);
    throw new ValidationError(
      problems.email
        ? `not an email address: "${String(input.email ?? '')}"`
        : 'the display name is too long (at most 60 characters)',
      problems,
    );
  }
  const { email } = fields.data;
  const displayName = fields.data.displayName || email.split('@')[0]!;
  // A hash of random bytes nobody knows: the account cannot be signed into until the link is used.
  const unusable = await hashPassword(randomBytes(32).toString('base64url'));
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      if (await findCredentialsByEmail(tx, email))
        throw new ConflictError(`an account already uses ${email}`);
      const user = await insertUser(tx, {
        email,
        passwordHash: unusable,
        displayName,
        role: 'admin',
        status: 'active',
      });
      const { token, tokenHash } = newToken();
      await insertPasswordReset(tx, {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(Date.now() + ADMIN_SETUP_LINK_MS),
      });
      await insertAuditEntries(tx, SYSTEM_ACTOR, [
        {
          action: 'user.admin_created',
          entityType: 'user',
          entityId: user.id,
          after: { email, role: 'admin' },
        },
      ]);
      return { userId: user.id, setPasswordUrl: portalLink(`/account/reset/${token}`) };
    }),
  );
}
