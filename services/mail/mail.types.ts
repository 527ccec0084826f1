import type { Locale } from '../i18n/index.js';
import type { MailStatus } from '../shared/enums.js';

/** A mail to put in the outbox: already written in its recipient's language. */
export interface OutgoingMail {
  toAddress: string;
  userId: number | null;
  kind: string;
  locale: Locale;
  subject: string;
  textBody: string;
  htmlBody: string;
  notificationId?: number | null;
}

export interface OutboxMail extends OutgoingMail {
  id: number;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** What a mail says, before it is put into text and HTML. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** One list of lines (a digest's notices), each with its own link. */
  items?: { text: string; url: string }[];
  action?: { label: string; url: string };
  footer: string;
}

/** Whatever carries mail to an SMTP server; nodemailer in production and in the tests. */
export interface MailTransport {
  send(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
  }): Promise<void>;
  close(): void;
}
