import { eq, getTableColumns, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { preparedPerDatabase, schema } from '../db/index.js';
import { unreadNoticesOf } from '../notifications/index.js';
import { toUser } from './users.repository.js';
import type { User } from './users.types.js';

export async function readSession(db: Database, sid: string): Promise<unknown | null> {
  const [row] = await db
    .select({ data: schema.sessions.data })
    .from(schema.sessions)
    .where(sql`${schema.sessions.sid} = ${sid} and ${schema.sessions.expiresAt} > now()`);
  return row?.data ?? null;
}

/** A session as a signed-in request needs it: its data, its expiry, its user and the bell's count. */
export interface SignedInSession {
  data: unknown;
  expiresAt: Date;
  /** The account the session's passport names, whatever its status; null when it names none. */
  user: User | null;
  unreadNotices: number;
  /** The chain of the staff member the user is, where their queue and dashboard open; null otherwise. */
  staffChainCode: string | null;
}

/** Every request with a cookie asks it. */
const sessionWithUserQuery = preparedPerDatabase((db) => {
  const { sessions, users } = schema;
  // The hash never leaves the login check; every request would otherwise carry it.
  const { passwordHash: _hash, ...userColumns } = getTableColumns(users);
  const passportUser = sql`${sessions.data} #> '{passport,user}'`;
  return (
    db
      .select({
        data: sessions.data,
        expiresAt: sessions.expiresAt,
        user: userColumns,
        unreadNotices: unreadNoticesOf(sql`${users.id}`),
        staffChainCode: sql<
          string | null
        >`(select ${schema.staff.chainCode} from ${schema.staff} where ${schema.staff.id} = ${users.staffId})`,
      })
      .from(sessions)
      // Only a whole number is a user id; anything else the session holds joins no one.
      .leftJoin(
        users,
        sql`${users.id} = case when jsonb_typeof(${passportUser}) = 'number' and (${passportUser})::numeric between 1 and 2147483647 then (${passportUser})::int end`,
      )
      .where(sql`${sessions.sid} = ${sql.placeholder('sid')} and ${sessions.expiresAt} > now()`)
      .prepare('session_with_user')
  );
});

/**
 * The session, the user it signed in, their unread notices and, for staff, their chain, in one
 * statement: every page of a signed-in user starts with these questions (every staff page opens on
 * the chain), and asked one by one they were most of a small page's queries.
 */
export async function readSessionWithUser(db: Database, sid: string): Promise<SignedInSession | null> {
  const [row] = await sessionWithUserQuery(db).execute({ sid });
  if (!row) return null;
  return {
    data: row.data,
    expiresAt: row.expiresAt,
    user: row.user ? toUser(row.user) : null,
    unreadNotices: Number(row.unreadNotices ?? 0),
    staffChainCode: row.staffChainCode ?? null,
  };
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
