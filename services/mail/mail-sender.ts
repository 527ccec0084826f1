import nodemailer from 'nodemailer';
import type { Database } from '../db/index.js';
import type { Logger } from '../shared/logger.js';
import {
  claimDueMails,
  databaseNow,
  failInterruptedMails,
  markMailFailed,
  markMailForRetry,
  markMailSent,
} from './mail.repository.js';
import type { MailTransport, OutboxMail } from './mail.types.js';

/** A mail still failing after this many tries (about a day with the default back-off) is given up. */
export const MAX_ATTEMPTS = 12;
/** The first retry waits this long; each next one twice as long, up to MAX_RETRY_DELAY_MS. */
export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 4 * 60 * 60 * 1000;
/**
 * A mail `sending` for longer than this was left by a sender that stopped mid-conversation: an
 * SMTP exchange never takes ten minutes (nodemailer's own timeouts end it sooner).
 */
export const SENDING_LEASE_MS = 10 * 60 * 1000;
const INTERRUPTED =
  'interrupted while sending: it may have been delivered, so it is not sent again on its own';

export interface MailSenderOptions {
  from: string;
  /** How many mails one pass claims. */
  batchSize?: number;
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
  logger?: Logger | null;
}

/** nodemailer on an `smtp://` or `smtps://` URL. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/**
 * A refusal the server means for good (a 5xx reply: no such mailbox, address rejected) fails the
 * mail at once; anything else (connection refused, a timeout, a 4xx "try later") is retried.
 */
function isPermanent(error: unknown): boolean {
  const fields = error as { responseCode?: number };
  return typeof fields.responseCode === 'number' && fields.responseCode >= 500;
}

function reasonOf(error: unknown): string {
  const fields = error as { response?: string; message?: string; code?: string };
  return (fields.response ?? fields.message ?? String(error)).slice(0, 500);
}

function hostOf(from: string): string {
  return /@([^\s>]+)/.exec(from)?.[1] ?? 'xueqi.localhost';
}

export interface SendOutcome {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends what the outbox holds. Each mail is claimed (`sending`, committed) before the SMTP
 * conversation and marked `sent` after it, so several senders on one database never take the same
 * mail, and a sender that dies mid-way leaves a mail that is reported, not sent a second time.
 */
export class MailSender {
  private readonly batchSize: number;
  private readonly firstRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly messageIdHost: string;

  constructor(
    private readonly db: Database,
    private readonly transport: MailTransport,
    private readonly options: MailSenderOptions,
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.firstRetryDelayMs = options.firstRetryDelayMs ?? FIRST_RETRY_DELAY_MS;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? MAX_RETRY_DELAY_MS;
    this.messageIdHost = hostOf(options.from);
  }

  /**
   * One pass: claims the mails due when it began, batch after batch, and tries each once. A mail
   * put back for a retry during the pass waits for the next one.
   */
  async sendDue(): Promise<SendOutcome> {
    const outcome: SendOutcome = { sent: 0, retried: 0, failed: 0 };
    await failInterruptedMails(this.db, SENDING_LEASE_MS, INTERRUPTED);
    const dueBy = await databaseNow(this.db);
    for (;;) {
      const claimed = await claimDueMails(this.db, this.batchSize, dueBy);
      if (claimed.length === 0) return outcome;
      for (const mail of claimed) {
        const result = await this.sendOne(mail);
        outcome[result] += 1;
      }
    }
  }

  private async sendOne(mail: OutboxMail): Promise<keyof SendOutcome> {
    try {
      await this.transport.send({
        from: this.options.from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
        // The same id on every try, so a receiving server can tell a repeat from a new mail.
        messageId: `<outbox-${mail.id}@${this.messageIdHost}>`,
      });
    } catch (error) {
      const reason = reasonOf(error);
      if (isPermanent(error) || mail.attempts >= MAX_ATTEMPTS) {
        await markMailFailed(this.db, mail.id, reason);
        this.options.logger?.warn({ mailId: mail.id, reason }, 'mail failed');
        return 'failed';
      }
      const delay = Math.min(this.firstRetryDelayMs * 2 ** (mail.attempts - 1), this.maxRetryDelayMs);
      await markMailForRetry(this.db, mail.id, reason, delay);
      this.options.logger?.info({ mailId: mail.id, reason, delay }, 'mail will be retried');
      return 'retried';
    }
    await markMailSent(this.db, mail.id);
    return 'sent';
  }
}
