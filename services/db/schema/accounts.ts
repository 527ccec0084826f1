import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { USER_ROLES, USER_STATUSES } from '../../shared/enums.js';
import { isOneOf } from './check-helpers.js';
import { enterprises, faculty, staff, teams } from './organisations.js';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    status: text('status').notNull().default('pending'),
    locale: text('locale').notNull().default('zh-CN'),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    teamId: integer('team_id').references(() => teams.id),
    facultyId: integer('faculty_id').references(() => faculty.id),
    staffId: integer('staff_id').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
    check('users_role_known', isOneOf(table.role, USER_ROLES)),
    check('users_status_known', isOneOf(table.status, USER_STATUSES)),
    check('users_locale_known', isOneOf(table.locale, ['zh-CN', 'en'])),
    check(
      'users_role_entity',
      sql`(${table.role} <> 'enterprise' or ${table.enterpriseId} is not null) and (${table.role} <> 'university' or ${table.teamId} is not null or ${table.facultyId} is not null) and (${table.role} <> 'staff' or ${table.staffId} is not null)`,
    ),
  ],
);

/** Login sessions, kept in the database so any number of web processes can serve a user. */
export const sessions = pgTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    data: jsonb('data').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_expires_idx').on(table.expiresAt)],
);

/**
 * Every state change: who, when, what, before and after. Append-only; a trigger in the
 * migrations refuses UPDATE and DELETE so history cannot be rewritten by the application.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull().default('system'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_log_entity_idx').on(table.entityType, table.entityId, table.at)],
);
