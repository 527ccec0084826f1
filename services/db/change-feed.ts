import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { type CHANGED_ENTITIES, changeFeed } from './schema/change-feed.js';

/** The channel on which writers wake every process up to read the change feed. */
export const CHANGES_CHANNEL = 'xueqi_changes';

export type ChangedEntity = (typeof CHANGED_ENTITIES)[number];

export interface ChangeNotice {
  entity: ChangedEntity;
  ids: number[];
}

/** One row of the feed as a reader applies it. */
export interface FeedChange extends ChangeNotice {
  id: number;
}

/** An import may change tens of thousands of records; rows this size keep each read of the feed small. */
const IDS_PER_ROW = 500;

/**
 * Any fixed number: it names the lock that orders appends to the feed. Held to the end of the
 * writer's transaction, it makes ids commit in the order they were given, so a reader that has
 * seen id N can never later find a smaller id appear behind its position.
 */
const FEED_APPEND_LOCK_KEY = 4_201_202_8;

/**
 * Appends changed records to the change feed inside the writer's transaction: the change is in
 * the feed exactly when it is in the tables. The NOTIFY (delivered on commit) only wakes readers;
 * a reader that missed it finds the row anyway. Resolves with the id of the last row written, the
 * position the writer's own process must reach before it shows the change.
 */
export async function announceChanges(db: Database, notice: ChangeNotice): Promise<number> {
  const ids = [...new Set(notice.ids)];
  if (ids.length === 0) return 0;
  await db.execute(sql`select pg_advisory_xact_lock(${FEED_APPEND_LOCK_KEY})`);
  let last = 0;
  for (let start = 0; start < ids.length; start += IDS_PER_ROW) {
    const slice = ids.slice(start, start + IDS_PER_ROW);
    const [row] = await db
      .insert(changeFeed)
      .values({ entity: notice.entity, ids: slice })
      .returning({ id: changeFeed.id });
    last = row!.id;
  }
  await db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${String(last)})`);
  return last;
}
