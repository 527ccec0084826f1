import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { DEMAND_CLASSES, DEMAND_STATUSES, IP_STATUSES, VISIBILITIES } from '../../shared/enums.js';
import { isOneOf } from './check-helpers.js';
import { chains, enterprises, faculty, teams } from './organisations.js';

/** An enterprise's technical demand (技术需求). Budgets are in 万元 (10,000 yuan), as the bureau counts. */
export const demands = pgTable(
  'demands',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    description: text('description').notNull(),
    chainCode: text('chain_code')
      .notNull()
      .references(() => chains.code),
    demandClass: text('demand_class').notNull(),
    expectedTrl: integer('expected_trl'),
    budgetMin: integer('budget_min'),
    budgetMax: integer('budget_max'),
    deadline: date('deadline', { mode: 'string' }),
    visibility: text('visibility').notNull().default('public'),
    status: text('status').notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('demands_enterprise_title_unique').on(table.enterpriseId, table.title),
    index('demands_chain_idx').on(table.chainCode),
    check('demands_class_known', isOneOf(table.demandClass, DEMAND_CLASSES)),
    check('demands_status_known', isOneOf(table.status, DEMAND_STATUSES)),
    check('demands_visibility_known', isOneOf(table.visibility, VISIBILITIES)),
    check('demands_trl_range', sql`${table.expectedTrl} is null or ${table.expectedTrl} between 1 and 9`),
    check(
      'demands_budget_ordered',
      sql`(${table.budgetMin} is null or ${table.budgetMin} >= 0) and (${table.budgetMin} is null or ${table.budgetMax} is null or ${table.budgetMin} <= ${table.budgetMax})`,
    ),
  ],
);

/** A university result ready for industry (高校可产业化成果), owned by a team or one faculty member. */
export const results = pgTable(
  'results',
  {
    id: serial('id').primaryKey(),
    ownerTeamId: integer('owner_team_id').references(() => teams.id, { onDelete: 'cascade' }),
    ownerFacultyId: integer('owner_faculty_id').references(() => faculty.id, { onDelete: 'cascade' }),
    chainCode: text('chain_code').references(() => chains.code),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    trl: integer('trl'),
    ipStatus: text('ip_status').notNull().default('none'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('results_natural_key').on(table.ownerTeamId, table.ownerFacultyId, table.title).nullsNotDistinct(),
    check('results_has_owner', sql`${table.ownerTeamId} is not null or ${table.ownerFacultyId} is not null`),
    check('results_ip_status_known', isOneOf(table.ipStatus, IP_STATUSES)),
    check('results_trl_range', sql`${table.trl} is null or ${table.trl} between 1 and 9`),
  ],
);
