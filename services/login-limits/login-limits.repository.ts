import { and, desc, eq, gt, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { AttemptKey, LockedLogin, LoginCounts } from './login-limits.types.js';

const { loginFailures, requestCounts } = schema;

/** The counts a login attempt is judged by, all in one query, by the database's clock (shared by every process). */
export async function readLoginCounts(
  db: Database,
  key: AttemptKey,
  windowSeconds: number,
): Promise<LoginCounts> {
  const since = sql`now() - make_interval(secs => ${windowSeconds})`;
  const { rows } = (await db.execute(sql`
    select
      (select extract(epoch from blocked_until - now()) from ${loginFailures}
        where account = ${key.account} and address = ${key.address} and blocked_until > now()) as pair_wait,
      (select coalesce(sum(failures), 0) from ${loginFailures}
        where address = ${key.address} and last_failure_at > ${since}) as address_failures,
      (select extract(epoch from now() - max(last_failure_at)) from ${loginFailures}
        where address = ${key.address} and last_failure_at > ${since}) as address_quiet,
      (select coalesce(sum(failures), 0) from ${loginFailures}
        where account = ${key.account} and last_failure_at > ${since}) as account_failures,
      (select extract(epoch from now() - max(last_failure_at)) from ${loginFailures}
        where account = ${key.account} and last_failure_at > ${since}) as account_quiet
  `)) as unknown as { rows: Record<string, string | number | null>[] };
  const row = rows[0] ?? {};
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    pairWaitSeconds: number(row.pair_wait),
    addressFailures: number(row.address_failures) ?? 0,
    addressQuietSeconds: number(row.address_quiet),
    accountFailures: number(row.account_failures) ?? 0,
    accountQuietSeconds: number(row.account_quiet),
  };
}

/**
 * Counts one more failure for the pair (starting again once the window has passed with no block
 * running) and, past the free attempts, blocks the pair for a delay that doubles with each failure.
 */
export async function insertLoginFailure(
  db: Database,
  key: AttemptKey,
  policy: { windowSeconds: number; freeFailures: number; maxDelaySeconds: number },
): Promise<{ failures: number; blockedForSeconds: number | null }> {
  const { rows } = (await db.execute(sql`
    insert into ${loginFailures} (account, address, failures, last_failure_at)
    values (${key.account}, ${key.address}, 1, now())
    on conflict (account, address) do update set
      failures = case
        when ${loginFailures.lastFailureAt} < now() - make_interval(secs => ${policy.windowSeconds})
          and (${loginFailures.blockedUntil} is null or ${loginFailures.blockedUntil} < now())
        then 1 else ${loginFailures.failures} + 1 end,
      last_failure_at = now()
    returning failures
  `)) as unknown as { rows: { failures: number | string }[] };
  const failures = Number(rows[0]?.failures ?? 1);
  if (failures < policy.freeFailures) return { failures, blockedForSeconds: null };
  const blockedForSeconds = Math.min(policy.maxDelaySeconds, 2 ** (failures - policy.freeFailures));
  // A later failure only ever lengthens a block another process may have set meanwhile.
  await db.execute(sql`
    update ${loginFailures}
      set blocked_until = greatest(coalesce(blocked_until, now()), now() + make_interval(secs => ${blockedForSeconds}))
      where account = ${key.account} and address = ${key.address}
  `);
  return { failures, blockedForSeconds };
}

/** A successful login forgets the pair's failures. */
export async function deleteLoginFailures(db: Database, key: AttemptKey): Promise<void> {
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.account, key.account), eq(loginFailures.address, key.address)));
}

/** An administrator lifts every block on an account. */
export async function deleteAccountFailures(db: Database, account: string): Promise<number> {
  const deleted = await db
    .delete(loginFailures)
    .where(eq(loginFailures.account, account))
    .returning({ account: loginFailures.account });
  return deleted.length;
}

/** Rows older than a day and not blocking anything: nothing left to count. */
export async function deleteStaleLoginFailures(db: Database): Promise<void> {
  await db
    .delete(loginFailures)
    .where(
      and(
        lt(loginFailures.lastFailureAt, sql`now() - interval '1 day'`),
        or(sql`${loginFailures.blockedUntil} is null`, lt(loginFailures.blockedUntil, sql`now()`)),
      ),
    );
}

/** Pairs blocked now, or at their free attempts' end, newest first: what administrators see. */
export async function findLockedLogins(
  db: Database,
  freeFailures: number,
  limit = 200,
): Promise<LockedLogin[]> {
  const rows = await db
    .select()
    .from(loginFailures)
    .where(
      or(
        and(isNotNull(loginFailures.blockedUntil), gt(loginFailures.blockedUntil, sql`now()`)),
        and(
          sql`${loginFailures.failures} >= ${freeFailures}`,
          gt(loginFailures.lastFailureAt, sql`now() - interval '15 minutes'`),
        ),
      ),
    )
    .orderBy(desc(loginFailures.lastFailureAt))
    .limit(limit);
  return rows.map((row) => ({
    account: row.account,
    address: row.address,
    failures: row.failures,
    lastFailureAt: row.lastFailureAt,
    blockedUntil: row.blockedUntil,
  }));
}

/**
 * Counts one more request under `key` and returns the count in the current window, which starts
 * again once it has ended; one statement, so concurrent processes never lose a hit.
 */
export async function countRequest(db: Database, key: string, windowSeconds: number): Promise<number> {
  const { rows } = (await db.execute(sql`
    insert into ${requestCounts} (key, hits, window_ends_at)
    values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    on conflict (key) do update set
      hits = case when ${requestCounts.windowEndsAt} <= now() then 1 else ${requestCounts.hits} + 1 end,
      window_ends_at = case when ${requestCounts.windowEndsAt} <= now()
        then now() + make_interval(secs => ${windowSeconds}) else ${requestCounts.windowEndsAt} end
    returning hits
  `)) as unknown as { rows: { hits: number | string }[] };
  return Number(rows[0]?.hits ?? 1);
}

/** Windows that have ended count nothing any more. */
export async function deleteEndedRequestCounts(db: Database): Promise<void> {
  await db.delete(requestCounts).where(lt(requestCounts.windowEndsAt, sql`now()`));
}
