import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type SmtpCapture, startSmtpCapture } from '../../test/support/smtp-capture.js';
import { schema } from '../db/index.js';
import { insertMails } from './mail.repository.js';
import type { MailTransport } from './mail.types.js';
import { MailSender, SENDING_LEASE_MS, smtpTransport } from './mail-sender.js';

const FROM = 'XueQi 学企 <no-reply@xueqi.test>';

function mailTo(address: string, subject = `hello ${address}`) {
  return {
    toAddress: address,
    userId: null,
    kind: 'test',
    locale: 'zh-CN' as const,
    subject,
    textBody: `text for ${address}`,
    htmlBody: `<p>html for ${address}</p>`,
  };
}

describeEachDatabase('the outbox and its sender', (kind) => {
  let database: TestDatabase;
  let smtp: SmtpCapture;
  const transports: MailTransport[] = [];

  const sender = (options: { firstRetryDelayMs?: number } = {}) => {
    const transport = smtpTransport(smtp.url);
    transports.push(transport);
    return new MailSender(database.db, transport, { from: FROM, batchSize: 5, ...options });
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startSmtpCapture({ refuse: /^nobody@/ });
  });
  afterEach(async () => {
    await database.db.delete(schema.mailOutbox);
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    for (const transport of transports) transport.close();
    await smtp.stop();
    await database.dispose();
  });

  it('delivers each mail once, text and HTML, with a Message-ID that names its outbox row', async () => {
    const [id] = await insertMails(database.db, [mailTo('wang@example.edu.cn', '学企通知')]);
    expect(await sender().sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await sender().sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({
      to: 'wang@example.edu.cn',
      subject: '学企通知',
      messageId: `<outbox-${id}@xueqi.test>`,
    });
    expect(smtp.mails[0]!.text).toContain('text for wang@example.edu.cn');
    expect(smtp.mails[0]!.html).toContain('<p>html for wang@example.edu.cn</p>');
    const [row] = await database.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id!));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('keeps mails while the SMTP server is down and delivers every one, once, when it is back', async () => {
    const addresses = Array.from({ length: 12 }, (_, index) => `person${index}@example.com`);
    await insertMails(
      database.db,
      addresses.map((address) => mailTo(address)),
    );
    await smtp.stop();
    const loop = sender({ firstRetryDelayMs: 50 });
    try {
      const down = await loop.sendDue();
      expect(down).toEqual({ sent: 0, retried: 12, failed: 0 });
      const waiting = await database.db.select().from(schema.mailOutbox);
      expect(waiting.every((row) => row.status === 'pending' && row.lastError !== null)).toBe(true);
      // Still down at the first retry: the back-off doubles.
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect((await loop.sendDue()).retried).toBe(12);
    } finally {
      await smtp.start();
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    let sent = 0;
    for (let pass = 0; pass < 20 && sent < 12; pass++) {
      sent += (await loop.sendDue()).sent;
      if (sent < 12) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sent).toBe(12);
    expect(smtp.mails.map((mail) => mail.to).sort()).toEqual([...addresses].sort());
    const rows = await database.db.select().from(schema.mailOutbox);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 3)).toBe(true);
  });

  it('marks a mail the server refuses as failed with the reason, and sends the others', async () => {
    await insertMails(database.db, [
      mailTo('a@example.com'),
      mailTo('nobody@example.com'),
      mailTo('b@example.com'),
    ]);
    expect(await sender().sendDue()).toEqual({ sent: 2, retried: 0, failed: 1 });
    const [refused] = await database.db
      .select()
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.toAddress, 'nobody@example.com'));
    expect(refused?.status).toBe('failed');
    expect(refused?.lastError).toMatch(/550/);
    expect(smtp.mails.map((mail) => mail.to).sort()).toEqual(['a@example.com', 'b@example.com']);
  });

  it('never sends again a mail a crashed sender had claimed: it is reported as failed instead', async () => {
    const [id] = await insertMails(database.db, [mailTo('claimed@example.com'), mailTo('fresh@example.com')]);
    // What a sender that died mid-conversation leaves behind: claimed, sending, long ago.
    await database.db
      .update(schema.mailOutbox)
      .set({ status: 'sending', attempts: 1, claimedAt: new Date(Date.now() - SENDING_LEASE_MS - 60_000) })
      .where(eq(schema.mailOutbox.id, id!));
    expect(await sender().sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails.map((mail) => mail.to)).toEqual(['fresh@example.com']);
    const [left] = await database.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id!));
    expect(left?.status).toBe('failed');
    expect(left?.lastError).toMatch(/interrupted/);
  });

  it('lets two sender loops share one outbox without ever sending a mail twice', async () => {
    const addresses = Array.from({ length: 60 }, (_, index) => `shared${index}@example.com`);
    await insertMails(
      database.db,
      addresses.map((address) => mailTo(address)),
    );
    const [first, second] = [sender(), sender()];
    const outcomes = await Promise.all([
      first.sendDue(),
      second.sendDue(),
      first.sendDue(),
      second.sendDue(),
    ]);
    expect(outcomes.reduce((total, outcome) => total + outcome.sent, 0)).toBe(60);
    expect(smtp.mails).toHaveLength(60);
    expect(new Set(smtp.mails.map((mail) => mail.messageId)).size).toBe(60);
    if (kind === 'postgres') {
      // On the server both loops really ran at once: each sent some.
      expect(outcomes[0]!.sent + outcomes[2]!.sent).toBeGreaterThan(0);
      expect(outcomes[1]!.sent + outcomes[3]!.sent).toBeGreaterThan(0);
    }
  });
});
