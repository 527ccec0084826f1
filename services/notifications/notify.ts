import type { Database } from '../db/index.js';
import { translate } from '../i18n/index.js';
import { composeMail, insertMails, type OutgoingMail, portalLink } from '../mail/index.js';
import { DEFAULT_DELIVERY } from './notice-kinds.js';
import { noticeSentence } from './notice-text.js';
import { findRecipients, insertNotices } from './notifications.repository.js';
import type { Notice, NoticeDraft, NoticeRecipient } from './notifications.types.js';

export const NOTIFICATION_SETTINGS_PATH = '/notifications/settings';

function noticeMail(recipient: NoticeRecipient, notice: Notice): OutgoingMail {
  const locale = recipient.locale;
  const sentence = noticeSentence(locale, notice);
  const { subject, text, html } = composeMail(
    {
      subject: translate(locale, 'mail.notice.subject', { sentence }),
      greeting: translate(locale, 'mail.greeting', { name: recipient.displayName }),
      paragraphs: [sentence],
      action: { label: translate(locale, 'mail.open'), url: portalLink(`/notifications/${notice.id}`) },
      footer: translate(locale, 'mail.footer', { url: portalLink(NOTIFICATION_SETTINGS_PATH) }),
    },
    locale,
  );
  return {
    toAddress: recipient.email,
    userId: recipient.id,
    kind: `notice.${notice.kind}`,
    locale,
    subject,
    textBody: text,
    htmlBody: html,
    notificationId: notice.id,
  };
}

/**
 * Writes notices to their recipients' inboxes, and their mails to the outbox or their digests, in
 * the caller's transaction: the change, its notice and its mail commit together or not at all.
 * The person who made the change is not told of it.
 */
export async function notify(
  tx: Database,
  drafts: NoticeDraft[],
  actorUserId: number | null = null,
): Promise<Notice[]> {
  const written: Notice[] = [];
  for (const draft of drafts) {
    const userIds = [...new Set(draft.userIds)].filter((id) => id !== actorUserId);
    const recipients = await findRecipients(tx, userIds, draft.kind);
    if (recipients.length === 0) continue;
    const deliveryOf = (recipient: NoticeRecipient) => recipient.delivery ?? DEFAULT_DELIVERY[draft.kind];
    const notices = await insertNotices(
      tx,
      recipients.map((recipient) => ({
        userId: recipient.id,
        kind: draft.kind,
        link: draft.link,
        params: draft.params,
        onceKey: draft.onceKey ?? null,
        digestPending: deliveryOf(recipient) === 'digest',
      })),
    );
    const byUser = new Map(recipients.map((recipient) => [recipient.id, recipient]));
    await insertMails(
      tx,
      notices
        .map((notice) => ({ notice, recipient: byUser.get(notice.userId)! }))
        .filter(({ recipient }) => deliveryOf(recipient) === 'immediate')
        .map(({ notice, recipient }) => noticeMail(recipient, notice)),
    );
    written.push(...notices);
  }
  return written;
}
