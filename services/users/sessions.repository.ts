import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

export async function readSession(db: Database, sid: string): Promise<unknown | null> {
  const [row] = await db
    .select({ data: schema.sessions.data })
    .from(schema.sessions)
    .where(sql`${schema.sessions.sid} = ${sid} and ${schema.sessions.expiresAt} > now()`);
  return row?.data ?? null;
}

export async function writeSession(db: Database, sid: string, data: unknown, expiresAt: Date): Promise<void> {
  await db
    .insert(schema.sessions)
    .values({ sid, data, expiresAt })
    .onConflictDoUpdate({ target: schema.sessions.sid, set: { data, expiresAt } });
}

/** Moves a session's expiry to `expiresAt`, unless it is already within `slackMs` of it (no write then). */
export async function extendSession(db: Database, sid: string, expiresAt: Date, slackMs = 0): Promise<void> {
  await db
    .update(schema.sessions)
    .set({ expiresAt })
    .where(
      sql`${schema.sessions.sid} = ${sid} and ${schema.sessions.expiresAt} < ${new Date(expiresAt.getTime() - slackMs)}`,
    );
}

export async function deleteSession(db: Database, sid: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.sid, sid));
}

export async function deleteExpiredSessions(db: Database): Promise<void> {
  await db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, new Date()));
}
