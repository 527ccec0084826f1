import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../services/db/index.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  readSessionWithUser,
  type User,
  writeSession,
} from '../services/users/index.js';

/** What a session keeps between requests. */
export interface SessionData {
  csrfToken?: string;
  locale?: string;
  flash?: { kind: 'success' | 'error' | 'info'; key: string; params?: Record<string, string> }[];
  /** The signed-in account; under Passport's key, so sessions stored before this module keep working. */
  passport?: { user?: number };
}

declare global {
  namespace Express {
    interface Request {
      session: SessionData;
      /** The session's id once it has one: a stored session, or a new one about to be stored. */
      sessionID: string | undefined;
      /** The signed-in, active account; undefined for visitors. */
      user?: User;
    }
  }
}

/** How long a signed-in session lasts after its last request: the cookie's lifetime and the row's expiry. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
/**
 * A session's expiry slides with each request, but its row (and its cookie) is rewritten at most
 * this often: an 8-hour lifetime does not need to move on every click.
 */
export const TOUCH_AT_MOST_EVERY_MS = 60 * 1000;
const COOKIE_NAME = 'xueqi.sid';
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Where a request's session stands, kept beside the request rather than on it. */
interface SessionState {
  db: Database;
  sid: string | null;
  /** The data as read, to tell at the end whether the request changed it. */
  readAs: string;
  /** The stored row's expiry (ms); 0 when nothing is stored under `sid`. */
  expiresAt: number;
  ended: boolean;
}

const states = new WeakMap<Request, SessionState>();
/** The bell's count read with the signed-in user, for the header. */
const unreadNotices = new WeakMap<Request, number>();
export const unreadNoticesOfRequest = (request: Request): number | undefined => unreadNotices.get(request);
/** The signed-in staff member's chain read with the session (null: none); undefined when not read so. */
const staffChains = new WeakMap<Request, string | null>();
export const staffChainOfRequest = (request: Request): string | null | undefined => staffChains.get(request);

const newSessionId = () => randomBytes(24).toString('base64url');

/** The cookie carries `s:<id>.<HMAC>`, as express-session wrote it, so existing cookies stay valid. */
function sign(sid: string, secret: string): string {
  return `s:${sid}.${createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '')}`;
}

function unsign(value: string, secret: string): string | null {
  if (!value.startsWith('s:')) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 2) return null;
  const sid = value.slice(2, dot);
  const expected = Buffer.from(sign(sid, secret));
  const given = Buffer.from(value);
  return expected.length === given.length && timingSafeEqual(expected, given) ? sid : null;
}

function sessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  const at = header.indexOf(`${COOKIE_NAME}=`);
  if (at < 0 || (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';')) return null;
  const start = at + COOKIE_NAME.length + 1;
  const end = header.indexOf(';', start);
  const raw = header.slice(start, end < 0 ? undefined : end).trim();
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Sessions in PostgreSQL, so any web process serves any user. One statement reads the session, its
 * user and the bell's count; a request writes its row only when it changed the data, or when the
 * expiry is a minute behind. Visitors who only read get no row and no cookie.
 */
export function sessions(db: Database, options: { secret: string; secure: boolean }) {
  const { secret, secure } = options;
  let lastSweep = 0;
  const cookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;

  async function save(request: Request, response: Response, state: SessionState): Promise<void> {
    const data = JSON.stringify(request.session);
    const changed = data !== state.readAs;
    const now = Date.now();
    if (state.expiresAt === 0 && (!changed || data === '{}')) {
      if (state.ended && !response.headersSent) response.clearCookie(COOKIE_NAME, cookieOptions);
      return;
    }
    if (!changed && state.expiresAt - now > SESSION_LIFETIME_MS - TOUCH_AT_MOST_EVERY_MS) return;
    const expiresAt = new Date(now + SESSION_LIFETIME_MS);
    state.sid ??= newSessionId();
    request.sessionID = state.sid;
    if (changed) {
      if (now - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = now;
        deleteExpiredSessions(db).catch(() => {});
      }
      await writeSession(db, state.sid, request.session, expiresAt);
    } else {
      // Another process may have moved it a moment ago: rewritten only if it is a minute behind.
      await extendSession(db, state.sid, expiresAt, TOUCH_AT_MOST_EVERY_MS);
    }
    state.expiresAt = expiresAt.getTime();
    // Behind a proxy that ends TLS, a Secure cookie goes out only on requests that came over HTTPS.
    if (!response.headersSent && (!secure || request.secure))
      response.cookie(COOKIE_NAME, sign(state.sid, secret), {
        ...cookieOptions,
        maxAge: SESSION_LIFETIME_MS,
      });
  }

  return async function session(request: Request, response: Response, next: NextFunction): Promise<void> {
    const cookie = sessionCookie(request.headers.cookie);
    const sid = cookie ? unsign(cookie, secret) : null;
    const state: SessionState = { db, sid: null, readAs: '{}', expiresAt: 0, ended: false };
    request.session = {};
    request.sessionID = undefined;
    if (sid) {
      const found = await readSessionWithUser(db, sid);
      if (found) {
        const data = (found.data ?? {}) as SessionData & { cookie?: unknown };
        // express-session kept its cookie's settings in the row; the cookie itself says all that now.
        delete data.cookie;
        state.readAs = JSON.stringify(data);
        state.sid = sid;
        state.expiresAt = found.expiresAt.getTime();
        request.session = data;
        request.sessionID = sid;
        if (found.user?.status === 'active') {
          request.user = found.user;
          unreadNotices.set(request, found.unreadNotices);
          staffChains.set(request, found.staffChainCode);
        } else if (data.passport?.user !== undefined) {
          // A disabled or removed account loses its sessions at once.
          delete data.passport.user;
        }
      }
    }
    states.set(request, state);
    const end = response.end;
    // Ending the response waits for the session's write: the next request must find it.
    response.end = function endAfterSaving(this: Response, ...args: unknown[]) {
      response.end = end;
      save(request, response, state).then(
        () => (end as (...args: unknown[]) => Response).apply(response, args),
        (error: unknown) => {
          request.log?.error({ err: error }, 'session not saved');
          if (response.headersSent) return (end as (...args: unknown[]) => Response).apply(response, args);
          next(error);
        },
      );
      return response;
    } as Response['end'];
    next();
  };
}

/**
 * Signs the account in under a new session id: an id planted before login is worthless after it.
 * What the old session held (a CSRF token, flash messages, the language) is dropped with it.
 */
export async function startSignedInSession(request: Request, user: User): Promise<void> {
  const state = states.get(request);
  if (!state) throw new Error('sessions middleware is not installed');
  if (state.sid && state.expiresAt > 0) await deleteSession(state.db, state.sid);
  state.sid = newSessionId();
  state.readAs = '{}';
  state.expiresAt = 0;
  state.ended = false;
  request.session = { passport: { user: user.id } };
  request.sessionID = state.sid;
  request.user = user;
}

/**
 * Signs out for good, in every process: the session's row is deleted. What the request keeps after
 * this (a flash message) starts a new, anonymous session; nothing kept, the cookie is cleared.
 */
export async function endSession(request: Request): Promise<void> {
  const state = states.get(request);
  if (!state) throw new Error('sessions middleware is not installed');
  if (state.sid) await deleteSession(state.db, state.sid);
  state.sid = null;
  state.readAs = '{}';
  state.expiresAt = 0;
  state.ended = true;
  request.session = {};
  request.sessionID = undefined;
  request.user = undefined;
}
