import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
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
} from 'drizzle-orm/pg-core';
import {
  COLLABORATION_STAGES,
  CONSENT_BASES,
  DECLINE_REASONS,
  MATCH_STATUSES,
  SERVICE_KINDS,
} from '../../shared/enums.js';
import { isOneOf } from './check-helpers.js';
import { demands } from './demands.js';
import { enterprises, faculty, staff, teams } from './organisations.js';

/** What the matcher said about a pair: the terms and their shares of the score, and the best evidence. */
export interface MatchExplanation {
  terms: [term: string, share: number][];
  evidence?: { title: string; year?: number; kind?: string } | null;
}

/** A candidate pair: one demand and one team or one faculty member, and where brokering stands. */
export const matchCandidates = pgTable(
  'match_candidates',
  {
    id: serial('id').primaryKey(),
    demandId: integer('demand_id')
      .notNull()
      .references(() => demands.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    facultyId: integer('faculty_id').references(() => faculty.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    explanation: jsonb('explanation').$type<MatchExplanation>().notNull().default({ terms: [] }),
    status: text('status').notNull().default('suggested'),
    declineReason: text('decline_reason'),
    declineNote: text('decline_note'),
    enterpriseInterested: boolean('enterprise_interested').notNull().default(false),
    profileInterested: boolean('profile_interested').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    introducedAt: timestamp('introduced_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    unique('match_candidates_pair_unique')
      .on(table.demandId, table.teamId, table.facultyId)
      .nullsNotDistinct(),
    index('match_candidates_status_idx').on(table.status),
    check('match_candidates_status_known', isOneOf(table.status, MATCH_STATUSES)),
    check('match_candidates_one_side', sql`(${table.teamId} is null) <> (${table.facultyId} is null)`),
    check(
      'match_candidates_decline_reason',
      sql`(${table.status} = 'declined') = (${table.declineReason} is not null) and (${table.declineReason} is null or ${isOneOf(table.declineReason, DECLINE_REASONS)})`,
    ),
  ],
);

/** An industry–academia collaboration (产学研合作), tracked through the four 共同 stages. Money in 万元. */
export const collaborations = pgTable(
  'collaborations',
  {
    id: serial('id').primaryKey(),
    demandId: integer('demand_id')
      .notNull()
      .references(() => demands.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    leadTeamId: integer('lead_team_id')
      .notNull()
      .references(() => teams.id),
    matchCandidateId: integer('match_candidate_id').references(() => matchCandidates.id, {
      onDelete: 'set null',
    }),
    title: text('title').notNull(),
    stage: text('stage').notNull().default('refine_demand'),
    contractValue: numeric('contract_value', { precision: 14, scale: 2, mode: 'number' }),
    patentsGranted: integer('patents_granted').notNull().default(0),
    newProducts: integer('new_products').notNull().default(0),
    revenue: numeric('revenue', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    notes: text('notes').notNull().default(''),
    /** Null for collaborations recorded before consent was checked at accept. */
    consentBasis: text('consent_basis'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('collaborations_id_demand_unique').on(table.id, table.demandId),
    unique('collaborations_demand_lead_team_unique').on(table.demandId, table.leadTeamId),
    index('collaborations_stage_idx').on(table.stage),
    check('collaborations_stage_known', isOneOf(table.stage, COLLABORATION_STAGES)),
    check(
      'collaborations_consent_basis_known',
      sql`${table.consentBasis} is null or ${isOneOf(table.consentBasis, CONSENT_BASES)}`,
    ),
    check(
      'collaborations_outcomes_non_negative',
      sql`${table.patentsGranted} >= 0 and ${table.newProducts} >= 0 and ${table.revenue} >= 0 and (${table.contractValue} is null or ${table.contractValue} >= 0)`,
    ),
  ],
);

/**
 * The teams of a collaboration. Carrying the demand here lets one unique index hold the rule that
 * a demand–team pair has at most one collaboration, whichever team leads.
 */
export const collaborationTeams = pgTable(
  'collaboration_teams',
  {
    collaborationId: integer('collaboration_id').notNull(),
    demandId: integer('demand_id').notNull(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    isLead: boolean('is_lead').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.collaborationId, table.teamId] }),
    unique('collaboration_teams_demand_team_unique').on(table.demandId, table.teamId),
    foreignKey({
      name: 'collaboration_teams_collaboration_fk',
      columns: [table.collaborationId, table.demandId],
      foreignColumns: [collaborations.id, collaborations.demandId],
    }).onDelete('cascade'),
  ],
);

export const milestones = pgTable(
  'milestones',
  {
    id: serial('id').primaryKey(),
    collaborationId: integer('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (table) => [
    index('milestones_collaboration_idx').on(table.collaborationId),
    check('milestones_stage_known', isOneOf(table.stage, COLLABORATION_STAGES)),
  ],
);

/** A service the bureau gave an enterprise: a visit, matchmaking, policy or financing help. */
export const enterpriseServices = pgTable(
  'enterprise_services',
  {
    id: serial('id').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('enterprise_services_enterprise_idx').on(table.enterpriseId),
    check('enterprise_services_kind_known', isOneOf(table.kind, SERVICE_KINDS)),
  ],
);
