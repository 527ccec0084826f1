export {
  attemptKey,
  forgetAccountFailures,
  judgeLoginAttempt,
  type LoginLimitPolicy,
  listLockedLogins,
  loginLimitPolicy,
  recordFailedLogin,
  recordSuccessfulLogin,
  recordThrottledLogin,
  unlockAccount,
} from './login-limits.service.js';
export type { AttemptKey, LockedLogin, LoginVerdict } from './login-limits.types.js';
