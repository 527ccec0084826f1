import { CITY_TIME_ZONE } from '../collaborations/city-date.js';
import type { Database } from '../db/index.js';
import { translate } from '../i18n/index.js';
import { composeMail, insertMails, portalLink } from '../mail/index.js';
import { noticeSentence } from './notice-text.js';
import {
  claimDigestNotices,
  clearDigestPending,
  findRecipientsForDigest,
} from './notifications.repository.js';
import { NOTIFICATION_SETTINGS_PATH } from './notify.js';

/** The digest goes out each morning at this hour, city time. */
export const DIGEST_HOUR = 8;

/** The latest digest time (08:00 in the city) at or before `now`. */
export function lastDigestTime(now: Date): Date {
  const cityDate = now.toLocaleDateString('en-CA', { timeZone: CITY_TIME_ZONE });
  // The city is on UTC+8 all year (no daylight saving), so 08:00 there is 00:00 UTC of that date.
  const today = new Date(`${cityDate}T${String(DIGEST_HOUR).padStart(2, '0')}:00:00+08:00`);
  return today.getTime() <= now.getTime() ? today : new Date(today.getTime() - 24 * 60 * 60 * 1000);
}

/**
 * Puts one digest mail per user in the outbox, covering every notice they chose to receive daily
 * that was written before this morning's digest time. The notices are locked while composing, so two
 * processes doing this at once never write the same digest twice.
 */
export async function queueDueDigests(db: Database, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const notices = await claimDigestNotices(tx, lastDigestTime(now));
    if (notices.length === 0) return 0;
    const recipients = await findRecipientsForDigest(tx, [
      ...new Set(notices.map((notice) => notice.userId)),
    ]);
    const mails = recipients.map((recipient) => {
      const own = notices.filter((notice) => notice.userId === recipient.id);
      const locale = recipient.locale;
      const { subject, text, html } = composeMail(
        {
          subject: translate(locale, 'mail.digest.subject', { count: own.length }),
          greeting: translate(locale, 'mail.greeting', { name: recipient.displayName }),
          paragraphs: [translate(locale, 'mail.digest.intro')],
          items: own.map((notice) => ({
            text: noticeSentence(locale, notice),
            url: portalLink(`/notifications/${notice.id}`),
          })),
          action: { label: translate(locale, 'mail.open'), url: portalLink('/notifications') },
          footer: translate(locale, 'mail.footer', { url: portalLink(NOTIFICATION_SETTINGS_PATH) }),
        },
        locale,
      );
      return {
        toAddress: recipient.email,
        userId: recipient.id,
        kind: 'digest',
        locale,
        subject,
        textBody: text,
        htmlBody: html,
      };
    });
    await insertMails(tx, mails);
    await clearDigestPending(
      tx,
      notices.map((notice) => notice.id),
    );
    return mails.length;
  });
}
