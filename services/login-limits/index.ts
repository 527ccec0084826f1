export {
  allowResetRequest,
  attemptKey,
  forgetAccountFailures,
  judgeLoginAttempt,
  type LoginLimitPolicy,
  listLockedLogins,
  loginLimitPolicy,
  RESET_REQUEST_LIMITS,
  recordFailedLogin,
  recordSuccessfulLogin,
  recordThrottledLogin,
  unlockAccount,
} from './login-limits.service.js';
export type { AttemptKey, LockedLogin, LoginVerdict } from './login-limits.types.js';
