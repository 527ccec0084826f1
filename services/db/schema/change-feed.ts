import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { isOneOf } from './check-helpers.js';

/** What a change-feed row can name: the records the matcher index is built from. */
export const CHANGED_ENTITIES = ['demand', 'team', 'faculty', 'result'] as const;

/**
 * The change feed: one row per write that affects matching, appended in the writer's own
 * transaction, so a change is in the feed exactly when it is in the tables. Every process applies
 * it in id order from its last position; NOTIFY only wakes them up.
 */
export const changeFeed = pgTable(
  'change_feed',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entity: text('entity').notNull(),
    ids: integer('ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('change_feed_entity_known', isOneOf(table.entity, CHANGED_ENTITIES)),
    check('change_feed_ids_present', sql`cardinality(${table.ids}) > 0`),
  ],
);

/**
 * Positions in the feed kept in the database: the suggestion worker's (shared by every process,
 * locked by whichever one works) and the highest id pruned, below which a position is gone.
 */
export const changeFeedCursors = pgTable('change_feed_cursors', {
  name: text('name').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Counters raised in the same transaction as a write to the tables they watch (triggers of
 * migration 0007): a process that keeps something built from those tables keeps it under the
 * counter's value it read, so any process's next read after any commit misses and reads again.
 * `pairs` watches the pairs and what they show: their agreements, demands, firms, teams, faculty
 * and universities (the staff queue, the matched demands).
 */
export const changeCounters = pgTable('change_counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});
