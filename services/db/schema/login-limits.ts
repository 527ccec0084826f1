import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed logins per account and client address, shared by every web process and kept across
 * restarts. Counting per pair (not per account) is what keeps an attacker who knows an email from
 * locking its owner out: the owner's address has a count of its own.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    /** The email as typed, trimmed and lower-cased: accounts that do not exist are counted too. */
    account: text('account').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
    /** Until when this pair must wait before its next try; null while under the free attempts. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.account, table.address] }),
    index('login_failures_address_idx').on(table.address, table.lastFailureAt),
    index('login_failures_last_idx').on(table.lastFailureAt),
  ],
);

/**
 * Requests counted per key in fixed windows (password-reset mails per email and per address), in
 * the database so every web process shares one count and a restart does not forget it.
 */
export const requestCounts = pgTable(
  'request_counts',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('request_counts_window_idx').on(table.windowEndsAt)],
);
