import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { InviteeKind } from './accounts.types.js';

const { invitations, passwordResets, users, sessions } = schema;

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(
  db: Database,
  values: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

/** Locks the invitation a token names, so two tabs accepting one link take turns. */
export async function lockInvitationByHash(db: Database, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for('update');
  return row ?? null;
}

export async function findInvitationByHash(db: Database, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

export async function lockInvitation(db: Database, id: number): Promise<InvitationRow | null> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id)).for('update');
  return row ?? null;
}

export async function markInvitationAccepted(db: Database, id: number, userId: number): Promise<void> {
  await db
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedUserId: userId })
    .where(eq(invitations.id, id));
}

/**
 * Revokes the open invitations to an address, and those to the same person under another address,
 * before a new one replaces them: one person, one working link.
 */
export async function revokeOpenInvitations(
  db: Database,
  email: string,
  person: { kind: InviteeKind; id: number },
): Promise<number> {
  const samePerson = {
    faculty: and(eq(invitations.facultyId, person.id), isNull(invitations.teamId)),
    team_leader: eq(invitations.teamId, person.id),
    staff: eq(invitations.staffId, person.id),
    enterprise: eq(invitations.enterpriseId, person.id),
  }[person.kind];
  const rows = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        or(eq(sql`lower(${invitations.email})`, email.toLowerCase()), samePerson),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length;
}

export async function insertPasswordReset(
  db: Database,
  values: { userId: number; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(values);
}

export async function lockPasswordResetByHash(
  db: Database,
  tokenHash: string,
): Promise<typeof passwordResets.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, tokenHash))
    .for('update');
  return row ?? null;
}

export async function findPasswordResetByHash(
  db: Database,
  tokenHash: string,
): Promise<typeof passwordResets.$inferSelect | null> {
  const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash));
  return row ?? null;
}

/** Uses up every open link of a user: the one just used, and any older ones still in a mailbox. */
export async function useUpPasswordResets(db: Database, userId: number): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export async function findPasswordHash(db: Database, userId: number): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

export async function setPasswordHash(db: Database, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/**
 * Ends a user's sessions but the one kept (the browser that just changed the password). A session
 * keeps its user id at `passport.user` (web/sessions.ts).
 */
export async function deleteSessionsOfUser(
  db: Database,
  userId: number,
  keepSid: string | null,
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      and(
        sql`${sessions.data} -> 'passport' ->> 'user' = ${String(userId)}`,
        keepSid ? sql`${sessions.sid} <> ${keepSid}` : undefined,
      ),
    )
    .returning({ sid: sessions.sid });
  return rows.length;
}

export async function findUserIdByEmail(db: Database, email: string): Promise<number | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row?.id ?? null;
}
