export { composeMail } from './compose-mail.js';
export {
  countOutboxByStatus,
  findOutboxMail,
  findOutboxMails,
  insertMails,
  requeueFailedMail,
} from './mail.repository.js';
export type { MailContent, MailTransport, OutboxMail, OutgoingMail } from './mail.types.js';
export {
  MAX_ATTEMPTS,
  MailSender,
  type MailSenderOptions,
  SENDING_LEASE_MS,
  type SendOutcome,
  smtpTransport,
} from './mail-sender.js';
export { portalLink, setPortalAddress } from './portal-address.js';
