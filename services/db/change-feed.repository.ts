import { and, asc, eq, gt, lte, max, sql } from 'drizzle-orm';
import type { ChangedEntity, FeedChange } from './change-feed.js';
import type { Database } from './database.js';
import { changeFeed, changeFeedCursors } from './schema/change-feed.js';

/** The suggestion worker's cursor: one for all processes, held by whichever one is working. */
export const SUGGESTIONS_CURSOR = 'suggestions';
/** The highest id pruned from the feed: a reader whose position is below it cannot catch up by reading. */
const PRUNED_CURSOR = 'pruned';

/** The newest change in the feed, 0 when there is none. */
export async function findLatestChangeId(db: Database): Promise<number> {
  const [row] = await db.select({ value: max(changeFeed.id) }).from(changeFeed);
  return Number(row?.value ?? 0);
}

/** Changes after a position, oldest first, at most `limit`. */
export async function findChangesAfter(db: Database, position: number, limit: number): Promise<FeedChange[]> {
  const rows = await db
    .select({ id: changeFeed.id, entity: changeFeed.entity, ids: changeFeed.ids })
    .from(changeFeed)
    .where(gt(changeFeed.id, position))
    .orderBy(asc(changeFeed.id))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, entity: row.entity as ChangedEntity, ids: row.ids }));
}

/** When the change after this position was written: how far behind a reader at it is, in time. */
export async function findChangeTimeAfter(db: Database, position: number): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: changeFeed.createdAt })
    .from(changeFeed)
    .where(gt(changeFeed.id, position))
    .orderBy(asc(changeFeed.id))
    .limit(1);
  return row?.createdAt ?? null;
}

/** Whether a change after this position has waited longer than `ms` (both times the database's own). */
export async function hasChangeWaitingLongerThan(
  db: Database,
  position: number,
  ms: number,
): Promise<boolean> {
  const [row] = await db
    .select({ id: changeFeed.id })
    .from(changeFeed)
    .where(
      and(
        gt(changeFeed.id, position),
        sql`${changeFeed.createdAt} < now() - make_interval(secs => ${ms / 1000})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findPrunedPosition(db: Database): Promise<number> {
  const [row] = await db
    .select({ position: changeFeedCursors.position })
    .from(changeFeedCursors)
    .where(eq(changeFeedCursors.name, PRUNED_CURSOR));
  return row?.position ?? 0;
}

/**
 * Locks a cursor for this transaction, or answers null at once when another process holds it
 * (SKIP LOCKED): the lock is what lets exactly one worker at a time move it.
 */
export async function lockCursorIfFree(tx: Database, name: string): Promise<number | null> {
  const [row] = await tx
    .select({ position: changeFeedCursors.position })
    .from(changeFeedCursors)
    .where(eq(changeFeedCursors.name, name))
    .for('update', { skipLocked: true });
  return row ? row.position : null;
}

export async function findCursorPosition(db: Database, name: string): Promise<number> {
  const [row] = await db
    .select({ position: changeFeedCursors.position })
    .from(changeFeedCursors)
    .where(eq(changeFeedCursors.name, name));
  return row?.position ?? 0;
}

export async function moveCursor(tx: Database, name: string, position: number): Promise<void> {
  await tx
    .insert(changeFeedCursors)
    .values({ name, position })
    .onConflictDoUpdate({
      target: changeFeedCursors.name,
      set: { position, updatedAt: sql`now()` },
    });
}

/**
 * Deletes changes older than the cutoff that the suggestion worker has already applied, and
 * records the highest id deleted, so a process still behind it knows to rebuild instead.
 */
export async function pruneChanges(tx: Database, olderThan: Date, appliedUpTo: number): Promise<number> {
  const deleted = await tx
    .delete(changeFeed)
    .where(and(lte(changeFeed.id, appliedUpTo), sql`${changeFeed.createdAt} < ${olderThan.toISOString()}`))
    .returning({ id: changeFeed.id });
  if (deleted.length === 0) return 0;
  const highest = deleted.reduce((top, row) => Math.max(top, row.id), 0);
  const pruned = await findPrunedPosition(tx);
  if (highest > pruned) await moveCursor(tx, PRUNED_CURSOR, highest);
  return deleted.length;
}
