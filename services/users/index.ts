export { hashPassword, verifyPassword } from './password.js';
export {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  readSession,
  readSessionWithUser,
  type SignedInSession,
  writeSession,
} from './sessions.repository.js';
export {
  approveUser,
  authenticate,
  countUsers,
  disableUser,
  enableUser,
  findUserById,
  type LoginOutcome,
  listUsers,
  MIN_PASSWORD_LENGTH,
  refuseToRemoveAdministration,
  registerEnterprise,
  setUserLocale,
} from './users.service.js';
export type { EnterpriseSignUp, User } from './users.types.js';
