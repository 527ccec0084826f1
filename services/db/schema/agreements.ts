import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { AGREEMENT_CHANNELS } from '../../shared/enums.js';
import { users } from './accounts.js';
import { matchCandidates } from './brokering.js';
import { isOneOf } from './check-helpers.js';

/**
 * Both sides' agreement to a pair, reached outside the portal and recorded by staff: who confirmed
 * on each side, how and when. With it a pair may be accepted (and contact details released) even
 * though one side never clicked "interested". At most one per pair; the audit log keeps the history.
 */
export const matchAgreements = pgTable(
  'match_agreements',
  {
    id: serial('id').primaryKey(),
    matchCandidateId: integer('match_candidate_id')
      .notNull()
      .unique()
      .references(() => matchCandidates.id, { onDelete: 'cascade' }),
    enterpriseConfirmedBy: text('enterprise_confirmed_by').notNull(),
    universityConfirmedBy: text('university_confirmed_by').notNull(),
    channel: text('channel').notNull(),
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('match_agreements_channel_known', isOneOf(table.channel, AGREEMENT_CHANNELS)),
    check(
      'match_agreements_names_present',
      sql`length(trim(${table.enterpriseConfirmedBy})) > 0 and length(trim(${table.universityConfirmedBy})) > 0`,
    ),
  ],
);
