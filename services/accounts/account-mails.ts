import type { Database } from '../db/index.js';
import { enumLabel, type Locale, translate } from '../i18n/index.js';
import { composeMail, insertMails, portalLink } from '../mail/index.js';
import { NOTIFICATION_SETTINGS_PATH } from '../notifications/index.js';
import type { UserRole } from '../shared/enums.js';

/** The invitation mail, in the language chosen when inviting. */
export async function queueInvitationMail(
  tx: Database,
  input: {
    to: string;
    name: string;
    locale: Locale;
    role: UserRole;
    inviter: string;
    token: string;
    days: number;
  },
): Promise<void> {
  const { locale } = input;
  const url = portalLink(`/account/invitation/${input.token}`);
  const mail = composeMail(
    {
      subject: translate(locale, 'mail.invitation.subject'),
      greeting: translate(locale, 'mail.greeting', { name: input.name }),
      paragraphs: [
        translate(locale, 'mail.invitation.body', {
          inviter: input.inviter,
          role: enumLabel(locale, 'role', input.role),
          days: input.days,
        }),
      ],
      action: { label: translate(locale, 'mail.invitation.action'), url },
      footer: translate(locale, 'mail.footer', { url: portalLink(NOTIFICATION_SETTINGS_PATH) }),
    },
    locale,
  );
  await insertMails(tx, [
    {
      toAddress: input.to,
      userId: null,
      kind: 'invitation',
      locale,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
    },
  ]);
}

/** The reset mail, in the user's language. */
export async function queueResetMail(
  tx: Database,
  input: { to: string; userId: number; name: string; locale: Locale; token: string },
): Promise<void> {
  const { locale } = input;
  const mail = composeMail(
    {
      subject: translate(locale, 'mail.reset.subject'),
      greeting: translate(locale, 'mail.greeting', { name: input.name }),
      paragraphs: [translate(locale, 'mail.reset.body')],
      action: {
        label: translate(locale, 'mail.reset.action'),
        url: portalLink(`/account/reset/${input.token}`),
      },
      footer: translate(locale, 'mail.footer', { url: portalLink(NOTIFICATION_SETTINGS_PATH) }),
    },
    locale,
  );
  await insertMails(tx, [
    {
      toAddress: input.to,
      userId: input.userId,
      kind: 'password_reset',
      locale,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
    },
  ]);
}
