import { type Actor, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import {
  countRequest,
  deleteAccountFailures,
  deleteEndedRequestCounts,
  deleteLoginFailures,
  deleteStaleLoginFailures,
  findLockedLogins,
  insertLoginFailure,
  readLoginCounts,
} from './login-limits.repository.js';
import type { AttemptKey, LockedLogin, LoginVerdict } from './login-limits.types.js';

/**
 * How logins are limited. Failures are counted per account *and* address: past `freeFailures` the
 * pair waits 1 s, then 2, 4 … up to `maxDelaySeconds`, so guessing slows to a crawl while the owner,
 * on an address of their own, is untouched. Two wider nets catch what one pair cannot: one address
 * trying many accounts, and many addresses trying one account — the latter never holds back a
 * device the account has logged in from before.
 */
export interface LoginLimitPolicy {
  freeFailures: number;
  windowSeconds: number;
  maxDelaySeconds: number;
  /** Failures from one address, over all accounts, before it waits too. */
  addressFailures: number;
  /** Failures on one account, from all addresses, before unknown devices wait. */
  accountFailures: number;
}

export function loginLimitPolicy(freeFailures = 10): LoginLimitPolicy {
  return Object.freeze({
    freeFailures,
    windowSeconds: 15 * 60,
    maxDelaySeconds: 15 * 60,
    addressFailures: freeFailures * 4,
    accountFailures: freeFailures * 10,
  });
}

/** Emails are matched case-insensitively, so the count is too; the field is cut to an email's length. */
export function attemptKey(email: unknown, address: string | undefined): AttemptKey {
  return {
    account: (typeof email === 'string' ? email : '').trim().toLowerCase().slice(0, 254),
    address: address || 'unknown',
  };
}

/** The wait a wider net imposes: doubling with each failure past its threshold, counted from the last failure. */
function wideWait(
  failures: number,
  threshold: number,
  quietSeconds: number | null,
  policy: LoginLimitPolicy,
): number {
  if (failures < threshold || quietSeconds === null) return 0;
  const delay = Math.min(policy.maxDelaySeconds, 2 ** (failures - threshold));
  return Math.max(0, delay - quietSeconds);
}

/** Whether this attempt may be checked at all, or how long it must wait; decided before the password is looked at. */
export async function judgeLoginAttempt(
  db: Database,
  policy: LoginLimitPolicy,
  key: AttemptKey,
  { knownDevice }: { knownDevice: boolean },
): Promise<LoginVerdict> {
  const counts = await readLoginCounts(db, key, policy.windowSeconds);
  const waits: { seconds: number; reason: 'pair' | 'address' | 'account' }[] = [
    { seconds: counts.pairWaitSeconds ?? 0, reason: 'pair' },
    {
      seconds: wideWait(counts.addressFailures, policy.addressFailures, counts.addressQuietSeconds, policy),
      reason: 'address',
    },
    {
      seconds: knownDevice
        ? 0
        : wideWait(counts.accountFailures, policy.accountFailures, counts.accountQuietSeconds, policy),
      reason: 'account',
    },
  ];
  const longest = waits.sort((left, right) => right.seconds - left.seconds)[0]!;
  return longest.seconds > 0
    ? { allowed: false, retryAfterSeconds: Math.ceil(longest.seconds), reason: longest.reason }
    : { allowed: true };
}

/** A wrong password (or an unknown account): counted for the pair and written to the audit log. */
export async function recordFailedLogin(
  db: Database,
  policy: LoginLimitPolicy,
  key: AttemptKey,
): Promise<{ failures: number; blockedForSeconds: number | null }> {
  const outcome = await db.transaction(async (tx) => {
    const counted = await insertLoginFailure(tx, key, policy);
    await insertAuditEntries(tx, { userId: null, label: key.account || 'unknown' }, [
      {
        action: 'login.failed',
        entityType: 'login',
        entityId: key.account || 'unknown',
        after: {
          address: key.address,
          failures: counted.failures,
          blockedForSeconds: counted.blockedForSeconds,
        },
      },
    ]);
    return counted;
  });
  // Now and then, rows that no longer count anything are cleared; one in fifty failures is plenty.
  if (Math.random() < 0.02) await deleteStaleLoginFailures(db).catch(() => {});
  return outcome;
}

/** An attempt refused before its password was checked, for the audit log (who was being guessed at, from where). */
export async function recordThrottledLogin(
  db: Database,
  key: AttemptKey,
  verdict: LoginVerdict,
): Promise<void> {
  if (verdict.allowed) return;
  await insertAuditEntries(db, { userId: null, label: key.account || 'unknown' }, [
    {
      action: 'login.throttled',
      entityType: 'login',
      entityId: key.account || 'unknown',
      after: { address: key.address, reason: verdict.reason, retryAfterSeconds: verdict.retryAfterSeconds },
    },
  ]);
}

export async function recordSuccessfulLogin(
  db: Database,
  key: AttemptKey,
  user: { id: number; email: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteLoginFailures(tx, key);
    await insertAuditEntries(tx, { userId: user.id, label: user.email }, [
      {
        action: 'login.succeeded',
        entityType: 'login',
        entityId: key.account,
        after: { address: key.address },
      },
    ]);
  });
}

/** Accounts and addresses blocked now or at their free attempts' end, for the administrators' page. */
export function listLockedLogins(db: Database, policy: LoginLimitPolicy): Promise<LockedLogin[]> {
  return findLockedLogins(db, policy.freeFailures);
}

/**
 * The owner proved they hold the account's mailbox (a reset link): the failures counted against
 * the account go, so someone guessing at it cannot keep its owner out. Inside the reset's transaction.
 */
export async function forgetAccountFailures(tx: Database, account: string): Promise<number> {
  return deleteAccountFailures(tx, attemptKey(account, undefined).account);
}

/** An administrator lifts the blocks on an account, after checking with its owner. */
export async function unlockAccount(db: Database, actor: Actor, account: string): Promise<number> {
  const key = attemptKey(account, undefined);
  return db.transaction(async (tx) => {
    const cleared = await deleteAccountFailures(tx, key.account);
    await insertAuditEntries(tx, actor, [
      { action: 'login.unlocked', entityType: 'login', entityId: key.account, after: { cleared } },
    ]);
    return cleared;
  });
}

/** Reset mails asked for, per hour: per email, and per network address (shared offices send several). */
export const RESET_REQUEST_LIMITS = Object.freeze({ windowSeconds: 60 * 60, perAccount: 3, perAddress: 20 });

/**
 * Whether a password-reset mail may be asked for now. Both counts go up on every request, refused
 * ones included, so hammering the form never opens it again sooner.
 */
export async function allowResetRequest(db: Database, key: AttemptKey): Promise<boolean> {
  const { windowSeconds, perAccount, perAddress } = RESET_REQUEST_LIMITS;
  const [byAddress, byAccount] = await Promise.all([
    countRequest(db, `reset:address:${key.address}`, windowSeconds),
    countRequest(db, `reset:account:${key.account}`, windowSeconds),
  ]);
  if (Math.random() < 0.02) await deleteEndedRequestCounts(db).catch(() => {});
  return byAddress <= perAddress && byAccount <= perAccount;
}
