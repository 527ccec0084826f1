/** Who is trying: the account as typed and the client's address (see TRUSTED_PROXIES). */
export interface AttemptKey {
  account: string;
  address: string;
}

export interface LoginCounts {
  /** Seconds the pair must still wait, or null when it is not blocked. */
  pairWaitSeconds: number | null;
  /** Failures from this address within the window, over every account. */
  addressFailures: number;
  addressQuietSeconds: number | null;
  /** Failures on this account within the window, from every address. */
  accountFailures: number;
  accountQuietSeconds: number | null;
}

export type LoginVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; reason: 'pair' | 'address' | 'account' };

export interface LockedLogin {
  account: string;
  address: string;
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}
