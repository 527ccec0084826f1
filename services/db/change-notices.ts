import { sql } from 'drizzle-orm';
import type { Database } from './database.js';

/** The channel on which writers announce what changed, so every process can keep its matcher index in step. */
export const CHANGES_CHANNEL = 'xueqi_changes';

export type ChangedEntity = 'demand' | 'team' | 'faculty' | 'result';

export interface ChangeNotice {
  entity: ChangedEntity;
  ids: number[];
}

/** NOTIFY payloads must stay under 8,000 bytes; this many ids stays well inside it. */
const IDS_PER_NOTICE = 500;

/**
 * Announces changed records. Called inside the writing transaction: PostgreSQL delivers a NOTIFY
 * only when that transaction commits, so listeners never see a change that was rolled back.
 */
export async function announceChanges(db: Database, notice: ChangeNotice): Promise<void> {
  for (let start = 0; start < notice.ids.length; start += IDS_PER_NOTICE) {
    const payload = JSON.stringify({
      entity: notice.entity,
      ids: notice.ids.slice(start, start + IDS_PER_NOTICE),
    });
    await db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
  }
}
