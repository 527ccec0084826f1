import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { MailStatus } from '../shared/enums.js';
import type { OutboxMail, OutgoingMail } from './mail.types.js';

type OutboxRow = typeof schema.mailOutbox.$inferSelect;

function toOutboxMail(row: OutboxRow): OutboxMail {
  return {
    id: row.id,
    toAddress: row.toAddress,
    userId: row.userId,
    kind: row.kind,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    subject: row.subject,
    textBody: row.textBody,
    htmlBody: row.htmlBody,
    notificationId: row.notificationId,
    status: row.status as MailStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export async function insertMails(db: Database, mails: OutgoingMail[]): Promise<number[]> {
  if (mails.length === 0) return [];
  const rows = await db
    .insert(schema.mailOutbox)
    .values(mails.map((mail) => ({ ...mail, notificationId: mail.notificationId ?? null })))
    .returning({ id: schema.mailOutbox.id });
  return rows.map((row) => row.id);
}

/**
 * Claims up to `limit` due mails for this sender and marks them `sending` in one statement:
 * SKIP LOCKED lets several senders claim at once without waiting for, or taking, each other's rows.
 */
export async function claimDueMails(db: Database, limit: number, dueBy: Date): Promise<OutboxMail[]> {
  const due = db
    .select({ id: schema.mailOutbox.id })
    .from(schema.mailOutbox)
    .where(
      and(
        eq(schema.mailOutbox.status, 'pending'),
        sql`${schema.mailOutbox.nextAttemptAt} <= ${dueBy.toISOString()}`,
      ),
    )
    .orderBy(schema.mailOutbox.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(schema.mailOutbox)
    .set({ status: 'sending', claimedAt: sql`now()`, attempts: sql`${schema.mailOutbox.attempts} + 1` })
    .where(inArray(schema.mailOutbox.id, due))
    .returning();
  return rows.map(toOutboxMail).sort((left, right) => left.id - right.id);
}

/** The database's clock: the one retry times are set by, whatever the web process's clock says. */
export async function databaseNow(db: Database): Promise<Date> {
  const result = (await db.execute(sql`select now() as now`)) as unknown as {
    rows: { now: Date | string }[];
  };
  return new Date(result.rows[0]!.now);
}

export async function markMailSent(db: Database, id: number): Promise<void> {
  await db
    .update(schema.mailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(and(eq(schema.mailOutbox.id, id), eq(schema.mailOutbox.status, 'sending')));
}

/** The delay counts from the database's clock, the one every sender's claim compares against. */
export async function markMailForRetry(
  db: Database,
  id: number,
  error: string,
  delayMs: number,
): Promise<void> {
  await db
    .update(schema.mailOutbox)
    .set({
      status: 'pending',
      lastError: error,
      nextAttemptAt: sql`now() + ${Math.round(delayMs)} * interval '1 millisecond'`,
      claimedAt: null,
    })
    .where(and(eq(schema.mailOutbox.id, id), eq(schema.mailOutbox.status, 'sending')));
}

export async function markMailFailed(db: Database, id: number, error: string): Promise<void> {
  await db
    .update(schema.mailOutbox)
    .set({ status: 'failed', lastError: error })
    .where(and(eq(schema.mailOutbox.id, id), eq(schema.mailOutbox.status, 'sending')));
}

/**
 * Mails a sender claimed and never finished (it crashed or was stopped mid-conversation) may have
 * reached the server: they are marked failed, for an administrator to look at, never sent again.
 */
export async function failInterruptedMails(db: Database, leaseMs: number, reason: string): Promise<number> {
  const rows = await db
    .update(schema.mailOutbox)
    .set({ status: 'failed', lastError: reason })
    .where(
      and(
        eq(schema.mailOutbox.status, 'sending'),
        sql`${schema.mailOutbox.claimedAt} < now() - ${Math.round(leaseMs)} * interval '1 millisecond'`,
      ),
    )
    .returning({ id: schema.mailOutbox.id });
  return rows.length;
}

/** An administrator puts a failed mail back in the queue, knowingly. */
export async function requeueFailedMail(db: Database, id: number): Promise<boolean> {
  const rows = await db
    .update(schema.mailOutbox)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, claimedAt: null })
    .where(and(eq(schema.mailOutbox.id, id), eq(schema.mailOutbox.status, 'failed')))
    .returning({ id: schema.mailOutbox.id });
  return rows.length > 0;
}

export async function findOutboxMails(
  db: Database,
  filter: { status?: MailStatus; limit: number },
): Promise<OutboxMail[]> {
  const rows = await db
    .select()
    .from(schema.mailOutbox)
    .where(filter.status ? eq(schema.mailOutbox.status, filter.status) : undefined)
    .orderBy(desc(schema.mailOutbox.id))
    .limit(filter.limit);
  return rows.map(toOutboxMail);
}

export async function findOutboxMail(db: Database, id: number): Promise<OutboxMail | null> {
  const [row] = await db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id));
  return row ? toOutboxMail(row) : null;
}

export async function countOutboxByStatus(db: Database): Promise<Record<MailStatus, number>> {
  const rows = await db
    .select({ status: schema.mailOutbox.status, count: sql<number>`count(*)::int` })
    .from(schema.mailOutbox)
    .groupBy(schema.mailOutbox.status);
  const counts: Record<MailStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status as MailStatus] = Number(row.count);
  return counts;
}
