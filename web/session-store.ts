import session from 'express-session';
import type { Database } from '../services/db/index.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  readSessionWithUser,
  type SignedInSession,
  type User,
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
/**
 * A user read with its session serves only the request that read it, a moment later: older than
 * this, it is not used and the user is read again.
 */
const READ_SERVES_FOR_MS = 2_000;

/** What the session's own read found about its user, for Passport to take instead of asking again. */
export interface SessionUserRead {
  user: User;
  unreadNotices: number;
}

function expiryOf(data: session.SessionData): Date {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + SESSION_LIFETIME_MS);
}

/** Sessions in PostgreSQL, so web processes stay stateless and any of them can serve any user. */
export class DatabaseSessionStore extends session.Store {
  private lastSweep = 0;
  private readonly touchedAt = new Map<string, number>();
  /**
   * Users read with their session, waiting for the same request's Passport step: one entry per
   * read, so concurrent requests of one session each take their own.
   */
  private readonly userReads = new Map<string, { read: SessionUserRead; at: number }[]>();

  constructor(private readonly db: Database) {
    super();
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    readSessionWithUser(this.db, sid).then(
      (found) => {
        if (found?.user) this.rememberUserRead(sid, found);
        callback(null, (found?.data as session.SessionData | undefined) ?? null);
      },
      (error) => callback(error),
    );
  }

  /**
   * The user this request's session read found, if it is the one Passport asks for and was read
   * just now; otherwise null, and Passport reads the user itself.
   */
  takeUserRead(sid: string, userId: number): SessionUserRead | null {
    const reads = this.userReads.get(sid);
    if (!reads) return null;
    const entry = reads.shift();
    if (reads.length === 0) this.userReads.delete(sid);
    if (!entry || Date.now() - entry.at > READ_SERVES_FOR_MS || entry.read.user.id !== userId) return null;
    return entry.read;
  }

  private rememberUserRead(sid: string, found: SignedInSession): void {
    if (this.userReads.size >= REMEMBERED_TOUCHES) this.userReads.clear();
    const reads = this.userReads.get(sid) ?? [];
    // A request that failed between its session and its Passport step leaves its read behind.
    while (reads.length > 0 && Date.now() - reads[0]!.at > READ_SERVES_FOR_MS) reads.shift();
    reads.push({ read: { user: found.user!, unreadNotices: found.unreadNotices }, at: Date.now() });
    this.userReads.set(sid, reads);
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
    this.userReads.delete(sid);
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
