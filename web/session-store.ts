import session from 'express-session';
import type { Database } from '../services/db/index.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  readSession,
  writeSession,
} from '../services/users/index.js';

const DEFAULT_LIFETIME_MS = 8 * 60 * 60 * 1000;

function expiryOf(data: session.SessionData): Date {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + DEFAULT_LIFETIME_MS);
}

/** Sessions in PostgreSQL, so web processes stay stateless and any of them can serve any user. */
export class DatabaseSessionStore extends session.Store {
  private lastSweep = 0;

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
    writeSession(this.db, sid, data, expiryOf(data)).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    extendSession(this.db, sid, expiryOf(data)).then(
      () => callback?.(),
      () => callback?.(),
    );
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    deleteSession(this.db, sid).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  /** Expired rows are removed at most hourly, piggybacking on writes instead of running a timer. */
  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < 60 * 60 * 1000) return;
    this.lastSweep = now;
    deleteExpiredSessions(this.db).catch(() => {});
  }
}
