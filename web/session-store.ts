import session from 'express-session';
import type { Database } from '../services/db/index.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  readSession,
  writeSession,
} from '../services/users/index.js';

/** How long a signed-in session lasts after its last request: the cookie's maxAge and the row's expiry. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
/**
 * A signed-in session's expiry slides with each request, but its row is rewritten at most this
 * often: an 8-hour lifetime does not need to move on every click, and every write costs a row version.
 */
export const TOUCH_AT_MOST_EVERY_MS = 60 * 1000;
/** Sessions whose last touch this process remembers; the database's own check covers the rest. */
const REMEMBERED_TOUCHES = 10_000;

function expiryOf(data: session.SessionData): Date {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + SESSION_LIFETIME_MS);
}

/** Sessions in PostgreSQL, so web processes stay stateless and any of them can serve any user. */
export class DatabaseSessionStore extends session.Store {
  private lastSweep = 0;
  private readonly touchedAt = new Map<string, number>();

  constructor(private readonly db: Database) {
    super();
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    readSession(this.db, sid).then(
      (data) => callback(null, (data as session.SessionData | null) ?? null),
      (error) => callback(error),
    );
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.sweepNowAndThen();
    this.rememberTouch(sid);
    writeSession(this.db, sid, data, expiryOf(data)).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    const last = this.touchedAt.get(sid);
    if (last !== undefined && Date.now() - last < TOUCH_AT_MOST_EVERY_MS) {
      callback?.();
      return;
    }
    this.rememberTouch(sid);
    // Another process may have touched it a moment ago: the row is rewritten only if it is a minute behind.
    extendSession(this.db, sid, expiryOf(data), TOUCH_AT_MOST_EVERY_MS).then(
      () => callback?.(),
      () => callback?.(),
    );
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.touchedAt.delete(sid);
    deleteSession(this.db, sid).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  private rememberTouch(sid: string): void {
    if (this.touchedAt.size >= REMEMBERED_TOUCHES) this.touchedAt.clear();
    this.touchedAt.set(sid, Date.now());
  }

  /** Expired rows are removed at most hourly, piggybacking on writes instead of running a timer. */
  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < 60 * 60 * 1000) return;
    this.lastSweep = now;
    deleteExpiredSessions(this.db).catch(() => {});
  }
}
