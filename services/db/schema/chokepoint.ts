import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  CONSORTIUM_ROLES,
  CONSORTIUM_STATUSES,
  CONSORTIUM_TASK_STATUSES,
  PARTNER_KINDS,
  PROJECT_STATUSES,
  SUPPORT_KINDS,
} from '../../shared/enums.js';
import { collaborations } from './brokering.js';
import { isOneOf } from './check-helpers.js';
import { demands } from './demands.js';
import { chains, enterprises, teams, universities } from './organisations.js';

/** Banks, the government fund and insurers: the organisations that give 投贷保 support. */
export const partnerOrganisations = pgTable(
  'partner_organisations',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    kind: text('kind').notNull(),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('partner_organisations_kind_known', isOneOf(table.kind, PARTNER_KINDS))],
);

/** The loan benchmark rate (基准利率) as a setting: each value holds from its effective date on. */
export const benchmarkRates = pgTable(
  'benchmark_rates',
  {
    id: serial('id').primaryKey(),
    ratePercent: numeric('rate_percent', { precision: 6, scale: 3, mode: 'number' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull().unique(),
    setBy: text('set_by').notNull().default('system'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('benchmark_rates_plausible', sql`${table.ratePercent} > 0 and ${table.ratePercent} < 100`),
  ],
);

/** A project of the choke-point library (卡脖子攻关项目库). Budget in 万元, as the bureau counts. */
export const chokepointProjects = pgTable(
  'chokepoint_projects',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    demandId: integer('demand_id').references(() => demands.id),
    collaborationId: integer('collaboration_id').references(() => collaborations.id, {
      onDelete: 'set null',
    }),
    title: text('title').notNull(),
    chainCode: text('chain_code')
      .notNull()
      .references(() => chains.code),
    breakthrough: text('breakthrough').notNull(),
    goals: text('goals').notNull(),
    plan: text('plan').notNull().default(''),
    attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
    budget: numeric('budget', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('submitted'),
    /** What the reviewer last said: the changes asked for, or the reason for rejecting. */
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    admittedOn: date('admitted_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('chokepoint_projects_chain_status_idx').on(table.chainCode, table.status),
    index('chokepoint_projects_enterprise_idx').on(table.enterpriseId),
    // A demand has one live application; a rejected one may be followed by a new one.
    uniqueIndex('chokepoint_projects_live_demand_unique')
      .on(table.demandId)
      .where(sql`${table.status} <> 'rejected'`),
    check('chokepoint_projects_status_known', isOneOf(table.status, PROJECT_STATUSES)),
    check('chokepoint_projects_period_ordered', sql`${table.startsOn} <= ${table.endsOn}`),
    check('chokepoint_projects_budget_positive', sql`${table.budget} > 0`),
    check(
      'chokepoint_projects_admitted_dated',
      sql`(${table.status} = 'admitted') = (${table.admittedOn} is not null)`,
    ),
  ],
);

export const chokepointProjectTeams = pgTable(
  'chokepoint_project_teams',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => chokepointProjects.id, { onDelete: 'cascade' }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.teamId] })],
);

/**
 * One item of 拨投贷保 support. Money in yuan (the rules are in yuan). The columns a kind does not
 * use stay null. The rules are checked by the service, not here: an admin may override one with a
 * reason, and the record keeps which rules were overridden and why.
 */
export const projectSupport = pgTable(
  'project_support',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => chokepointProjects.id),
    kind: text('kind').notNull(),
    partnerId: integer('partner_id').references(() => partnerOrganisations.id),
    /** Grant or investment amount, loan principal, insurance premium. */
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
    budgetLine: text('budget_line'),
    multiplier: numeric('multiplier', { precision: 4, scale: 2, mode: 'number' }),
    creditedAmount: numeric('credited_amount', { precision: 16, scale: 2, mode: 'number' }),
    termMonths: integer('term_months'),
    ratePercent: numeric('rate_percent', { precision: 6, scale: 3, mode: 'number' }),
    benchmarkRatePercent: numeric('benchmark_rate_percent', { precision: 6, scale: 3, mode: 'number' }),
    collateral: boolean('collateral'),
    riskCompensationPercent: numeric('risk_compensation_percent', { precision: 5, scale: 3, mode: 'number' }),
    riskCompensation: numeric('risk_compensation', { precision: 14, scale: 2, mode: 'number' }),
    cover: numeric('cover', { precision: 16, scale: 2, mode: 'number' }),
    subsidyPercent: numeric('subsidy_percent', { precision: 5, scale: 2, mode: 'number' }),
    subsidy: numeric('subsidy', { precision: 14, scale: 2, mode: 'number' }),
    overriddenRules: jsonb('overridden_rules').$type<string[]>().notNull().default([]),
    overrideReason: text('override_reason'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('project_support_project_idx').on(table.projectId),
    check('project_support_kind_known', isOneOf(table.kind, SUPPORT_KINDS)),
    check('project_support_amount_positive', sql`${table.amount} > 0`),
    check('project_support_partner', sql`${table.kind} = 'grant' or ${table.partnerId} is not null`),
    check(
      'project_support_override_explained',
      sql`jsonb_array_length(${table.overriddenRules}) = 0 or ${table.overrideReason} is not null`,
    ),
  ],
);

/** An innovation consortium (创新联合体): firm-led, universities supporting, suppliers and customers taking part. */
export const consortia = pgTable(
  'consortia',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    leadEnterpriseId: integer('lead_enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    technologyLine: text('technology_line').notNull(),
    chainCode: text('chain_code')
      .notNull()
      .references(() => chains.code),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('forming'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('consortia_status_known', isOneOf(table.status, CONSORTIUM_STATUSES))],
);

/** A member: exactly one of a firm, a university team or a whole university, with its role. */
export const consortiumMembers = pgTable(
  'consortium_members',
  {
    id: serial('id').primaryKey(),
    consortiumId: integer('consortium_id')
      .notNull()
      .references(() => consortia.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    teamId: integer('team_id').references(() => teams.id),
    universityId: integer('university_id').references(() => universities.id),
  },
  (table) => [
    unique('consortium_members_unique')
      .on(table.consortiumId, table.enterpriseId, table.teamId, table.universityId)
      .nullsNotDistinct(),
    check('consortium_members_role_known', isOneOf(table.role, CONSORTIUM_ROLES)),
    check(
      'consortium_members_one_kind',
      sql`num_nonnulls(${table.enterpriseId}, ${table.teamId}, ${table.universityId}) = 1`,
    ),
  ],
);

/** A joint task of a consortium, linkable to a demand, a collaboration and a choke-point project. */
export const consortiumTasks = pgTable(
  'consortium_tasks',
  {
    id: serial('id').primaryKey(),
    consortiumId: integer('consortium_id')
      .notNull()
      .references(() => consortia.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    demandId: integer('demand_id').references(() => demands.id),
    collaborationId: integer('collaboration_id').references(() => collaborations.id, {
      onDelete: 'set null',
    }),
    projectId: integer('project_id').references(() => chokepointProjects.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('consortium_tasks_demand_unique').on(table.consortiumId, table.demandId),
    check('consortium_tasks_status_known', isOneOf(table.status, CONSORTIUM_TASK_STATUSES)),
  ],
);
