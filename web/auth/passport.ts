import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Database } from '../../services/db/index.js';
import { type User as AccountUser, authenticate, findUserById } from '../../services/users/index.js';

declare global {
  namespace Express {
    interface User extends AccountUser {}
  }
}

/** One Passport instance per app, so tests can build several apps in one process. */
export function createPassport(db: Database): passport.Authenticator {
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
  instance.deserializeUser((id: number, done) => {
    findUserById(db, id).then(
      // A disabled account loses its sessions at once.
      (user) => done(null, user && user.status === 'active' ? user : false),
      (error) => done(error),
    );
  });
  return instance;
}
