import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
  unique,
} from 'drizzle-orm/pg-core';
import { CHAIN_CODES, ENTERPRISE_SIZES, FACULTY_TITLES, WORK_KINDS } from '../../shared/enums.js';
import { isOneOf } from './check-helpers.js';

export const chains = pgTable(
  'chains',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull().unique(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (table) => [check('chains_code_known', isOneOf(table.code, CHAIN_CODES))],
);

export const universities = pgTable('universities', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull().unique(),
  nameEn: text('name_en').notNull(),
  city: text('city').notNull().default('威海'),
});

export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    universityId: integer('university_id')
      .notNull()
      .references(() => universities.id),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    leaderId: integer('leader_id').references((): AnyPgColumn => faculty.id, { onDelete: 'set null' }),
    chainCode: text('chain_code')
      .notNull()
      .references(() => chains.code),
    researchDirections: jsonb('research_directions').$type<string[]>().notNull().default([]),
    description: text('description').notNull().default(''),
    /** How many live introductions staff let this team carry at once. */
    introductionLimit: integer('introduction_limit').notNull().default(3),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('teams_university_name_unique').on(table.universityId, table.nameZh),
    index('teams_chain_idx').on(table.chainCode),
    check('teams_introduction_limit_positive', sql`${table.introductionLimit} >= 0`),
  ],
);

export const faculty = pgTable(
  'faculty',
  {
    id: serial('id').primaryKey(),
    universityId: integer('university_id')
      .notNull()
      .references(() => universities.id),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    title: text('title').notNull(),
    isDoctoralSupervisor: boolean('is_doctoral_supervisor').notNull().default(false),
    /** Set for the bureau's chief scientists (首席科学家): the one chain each is assigned to. */
    chiefScientistChain: text('chief_scientist_chain').references(() => chains.code),
    researchDirections: jsonb('research_directions').$type<string[]>().notNull().default([]),
    bio: text('bio').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('faculty_natural_key').on(table.universityId, table.name, table.teamId).nullsNotDistinct(),
    index('faculty_team_idx').on(table.teamId),
    check('faculty_title_known', isOneOf(table.title, FACULTY_TITLES)),
  ],
);

export const works = pgTable(
  'works',
  {
    id: serial('id').primaryKey(),
    facultyId: integer('faculty_id')
      .notNull()
      .references(() => faculty.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    year: integer('year'),
  },
  (table) => [
    unique('works_natural_key').on(table.facultyId, table.kind, table.title),
    check('works_kind_known', isOneOf(table.kind, WORK_KINDS)),
    check('works_year_plausible', sql`${table.year} is null or ${table.year} between 1950 and 2100`),
  ],
);

/** Bureau staff (科技局干部), each on one innovation chain's task force (创新链工作专班). */
export const staff = pgTable(
  'staff',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    chainCode: text('chain_code').references(() => chains.code),
    position: text('position').notNull().default(''),
    email: text('email').unique(),
  },
  (table) => [unique('staff_name_chain_unique').on(table.name, table.chainCode).nullsNotDistinct()],
);

export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    industry: text('industry').notNull(),
    size: text('size').notNull(),
    description: text('description').notNull().default(''),
    address: text('address').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('enterprises_size_known', isOneOf(table.size, ENTERPRISE_SIZES))],
);

export const enterpriseChains = pgTable(
  'enterprise_chains',
  {
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    chainCode: text('chain_code')
      .notNull()
      .references(() => chains.code),
  },
  (table) => [primaryKey({ columns: [table.enterpriseId, table.chainCode] })],
);
