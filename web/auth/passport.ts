import type { Request } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Database } from '../../services/db/index.js';
import { type User as AccountUser, authenticate, findUserById } from '../../services/users/index.js';
import type { DatabaseSessionStore } from '../session-store.js';

declare global {
  namespace Express {
    interface User extends AccountUser {}
  }
}

/** The bell's count read with the signed-in user, for the header; absent when the user was read alone. */
const unreadNoticesRead = new WeakMap<Request, number>();
export const unreadNoticesOfRequest = (request: Request): number | undefined =>
  unreadNoticesRead.get(request);

/**
 * One Passport instance per app, so tests can build several apps in one process. With the app's
 * session store, the user comes from the store's read of the session (one statement for both).
 */
export function createPassport(db: Database, store?: DatabaseSessionStore): passport.Authenticator {
  const instance = new passport.Passport();
  instance.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, (email, password, done) => {
      authenticate(db, email, password).then(
        (outcome) => (outcome.ok ? done(null, outcome.user) : done(null, false, { message: outcome.reason })),
        (error) => done(error),
      );
    }),
  );
  instance.serializeUser((user, done) => done(null, (user as AccountUser).id));
  instance.deserializeUser(
    (request: Request, id: number, done: (error: unknown, user?: AccountUser | false) => void) => {
      const read = store && request.sessionID ? store.takeUserRead(request.sessionID, id) : null;
      if (read) {
        unreadNoticesRead.set(request, read.unreadNotices);
        return done(null, read.user.status === 'active' ? read.user : false);
      }
      findUserById(db, id).then(
        // A disabled account loses its sessions at once.
        (user) => done(null, user && user.status === 'active' ? user : false),
        (error) => done(error),
      );
    },
  );
  return instance;
}
