import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { MAIL_STATUSES, NOTICE_DELIVERIES, USER_ROLES } from '../../shared/enums.js';
import { users } from './accounts.js';
import { isOneOf } from './check-helpers.js';
import { enterprises, faculty, staff, teams } from './organisations.js';

/**
 * An invitation to take an account: who it is for (the person in the bureau's lists it will be
 * linked to) and a single-use link, stored only as the SHA-256 of its token.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    facultyId: integer('faculty_id').references(() => faculty.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: integer('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: integer('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set when a newer invitation to the same address replaced this one (a re-send). */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('invitations_token_unique').on(table.tokenHash),
    // One open invitation per address: a re-send revokes the old link before writing the new one.
    uniqueIndex('invitations_open_email_unique')
      .on(sql`lower(${table.email})`)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
    index('invitations_faculty_idx').on(table.facultyId),
    check('invitations_role_known', isOneOf(table.role, USER_ROLES)),
    check('invitations_locale_known', isOneOf(table.locale, ['zh-CN', 'en'])),
  ],
);

/** A forgotten password's single-use link (or an administrator's first one), hashed like invitations. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('password_resets_token_unique').on(table.tokenHash),
    index('password_resets_user_idx').on(table.userId),
  ],
);

/** One notice in a user's inbox, written in the transaction of the change it tells of. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The portal path of the thing the notice is about. */
    link: text('link').notNull(),
    /** What the notice's sentence is filled with (titles, names, stages), in both languages' terms. */
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Set for notices that must be written once only (a milestone falling due is seen every day). */
    onceKey: text('once_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Waiting for the user's daily digest mail. */
    digestPending: boolean('digest_pending').notNull().default(false),
  },
  (table) => [
    index('notifications_user_idx').on(table.userId, table.createdAt),
    index('notifications_unread_idx').on(table.userId).where(sql`${table.readAt} is null`),
    index('notifications_digest_idx').on(table.userId).where(sql`${table.digestPending}`),
    uniqueIndex('notifications_once_unique').on(table.userId, table.onceKey),
  ],
);

/** How a user wants each kind of notice: in the portal only, by email at once, or in a daily digest. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    delivery: text('delivery').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.kind] }),
    check('notification_preferences_delivery_known', isOneOf(table.delivery, NOTICE_DELIVERIES)),
  ],
);

/**
 * Mail waiting to go out, written in the transaction that caused it. Sender loops claim rows with
 * FOR UPDATE SKIP LOCKED; a row is marked `sending` before the SMTP conversation and `sent` after,
 * so a crash in between leaves it visibly unfinished instead of sent a second time.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toAddress: text('to_address').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The notice this mail carries, when it carries one. */
    notificationId: bigint('notification_id', { mode: 'number' }).references(() => notifications.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [
    index('mail_outbox_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    index('mail_outbox_created_idx').on(table.createdAt),
    check('mail_outbox_status_known', isOneOf(table.status, MAIL_STATUSES)),
  ],
);
