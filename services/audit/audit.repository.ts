import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { Actor, AuditEntry, AuditRecord } from './audit.types.js';

/** Postgres allows 65,535 parameters a statement; 8 columns a row leaves room for this many rows. */
const ROWS_PER_INSERT = 5_000;

/** Writes audit entries in the caller's transaction, so a change and its record commit together. */
export async function insertAuditEntries(db: Database, actor: Actor, entries: AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
    const rows = entries.slice(start, start + ROWS_PER_INSERT).map((entry) => ({
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    }));
    await db.insert(schema.auditLog).values(rows);
  }
}

export async function findAuditTrail(
  db: Database,
  entityType: string,
  entityIds: (string | number)[],
): Promise<AuditRecord[]> {
  if (entityIds.length === 0) return [];
  const { auditLog } = schema;
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, entityIds.map(String))))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((row) => ({ ...row, before: row.before ?? null, after: row.after ?? null }));
}
