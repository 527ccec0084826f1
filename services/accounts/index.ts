export type {
  AccountState,
  BulkInvitePreview,
  Invitee,
  InviteeFilter,
  InviteeKind,
  ListedAddressPreview,
} from './accounts.types.js';
export { INVITEE_KINDS } from './accounts.types.js';
export {
  acceptInvitation,
  bulkInvite,
  findOpenInvitation,
  INVITATION_DAYS,
  invitePerson,
  isInviteeKind,
  listInvitees,
  previewBulkInvite,
  TokenRefusedError,
} from './invitations.service.js';
export { inviteListedAddresses, previewListedAddresses } from './listed-addresses.service.js';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.js';
export {
  ADMIN_SETUP_LINK_MS,
  changePassword,
  checkResetToken,
  createAdministrator,
  RESET_LINK_MS,
  requestPasswordReset,
  resetPassword,
} from './passwords.service.js';
export { findUniversities } from './people.repository.js';
