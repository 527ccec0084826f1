import { type Request, type Response, Router } from 'express';
import { enumLabel } from '../../services/i18n/index.js';
import {
  attemptKey,
  judgeLoginAttempt,
  type LoginLimitPolicy,
  recordFailedLogin,
  recordSuccessfulLogin,
  recordThrottledLogin,
} from '../../services/login-limits/index.js';
import { CHAIN_CODES, ENTERPRISE_SIZES } from '../../services/shared/enums.js';
import { ValidationError } from '../../services/shared/errors.js';
import { authenticate, registerEnterprise, type User } from '../../services/users/index.js';
import { isKnownDevice, rememberDevice } from '../auth/known-device.js';
import { safeLocalPath } from '../locale.js';
import { endSession, startSignedInSession } from '../sessions.js';
import type { RouteDependencies } from './route-dependencies.js';

/** Where each role lands after logging in. */
export function homeOf(user: User): string {
  return {
    enterprise: '/demands/mine',
    university: '/profile',
    staff: '/staff/queue',
    admin: '/admin/users',
  }[user.role];
}

function renderLogin(
  request: Request,
  response: Response,
  status: number,
  failure: string | null,
  failureParams: Record<string, unknown> = {},
) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  response.status(status).render('pages/login', {
    title: request.t('login.title'),
    failure,
    failureText: failure ? request.t(failure, failureParams) : null,
    email: typeof body.email === 'string' ? body.email : '',
    next: safeLocalPath(body.next ?? request.query.next, ''),
  });
}

function signupViewModel(request: Request, values: Record<string, unknown>, errors: Record<string, string>) {
  const chosen = Array.isArray(values.chains)
    ? values.chains.map(String)
    : values.chains
      ? [String(values.chains)]
      : [];
  return {
    title: request.t('signup.title'),
    values,
    errors,
    sizeOptions: ENTERPRISE_SIZES.map((size) => ({
      value: size,
      label: enumLabel(request.locale, 'enterpriseSize', size),
      selected: values.size === size,
    })),
    chainOptions: CHAIN_CODES.map((chain) => ({
      value: chain,
      label: enumLabel(request.locale, 'chain', chain),
      selected: chosen.includes(chain),
    })),
  };
}

export function authRoutes(
  { db }: RouteDependencies,
  options: {
    loginLimits: LoginLimitPolicy;
    deviceSecret: string;
    secureCookies: boolean;
  },
): Router {
  const router = Router();

  router.get('/login', (request, response) => {
    if (request.user) return response.redirect(homeOf(request.user));
    renderLogin(request, response, 200, null);
  });

  router.post('/login', async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const key = attemptKey(body.email, request.ip);
    const verdict = await judgeLoginAttempt(db, options.loginLimits, key, {
      knownDevice: isKnownDevice(request, key.account, options.deviceSecret),
    });
    if (!verdict.allowed) {
      await recordThrottledLogin(db, key, verdict);
      response.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      const seconds = verdict.retryAfterSeconds;
      return seconds <= 120
        ? renderLogin(request, response, 429, 'login.failed.waitSeconds', { seconds })
        : renderLogin(request, response, 429, 'login.failed.waitMinutes', {
            minutes: Math.ceil(seconds / 60),
          });
    }
    const { email, password } = body;
    // A form without both fields is no guess at a password: refused, not counted.
    if (typeof email !== 'string' || typeof password !== 'string' || email === '' || password === '')
      return renderLogin(request, response, 401, 'login.failed.invalid');
    const outcome = await authenticate(db, email, password);
    if (!outcome.ok) {
      // A right password on a pending or disabled account is no guess: only wrong ones count.
      if (outcome.reason === 'invalid') await recordFailedLogin(db, options.loginLimits, key);
      return renderLogin(
        request,
        response,
        401,
        `login.failed.${['pending', 'disabled'].includes(outcome.reason) ? outcome.reason : 'invalid'}`,
      );
    }
    const { user } = outcome;
    await recordSuccessfulLogin(db, key, user);
    rememberDevice(response, key.account, options.deviceSecret, options.secureCookies);
    const locale = request.session.locale;
    // A new session id on login, so a session id planted before login is worthless.
    await startSignedInSession(request, user);
    request.session.locale = locale ?? user.locale;
    response.redirect(safeLocalPath(body.next, homeOf(user)));
  });

  router.post('/logout', async (request, response) => {
    await endSession(request);
    response.redirect('/');
  });

  router.get('/signup', (request, response) => {
    response.render('pages/signup', signupViewModel(request, {}, {}));
  });

  router.post('/signup', async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const chains = Array.isArray(body.chains)
      ? body.chains.map(String)
      : body.chains
        ? [String(body.chains)]
        : [];
    try {
      await registerEnterprise(db, {
        email: String(body.email ?? ''),
        password: String(body.password ?? ''),
        displayName: String(body.displayName ?? ''),
        enterpriseName: String(body.enterpriseName ?? ''),
        industry: String(body.industry ?? ''),
        size: String(body.size ?? ''),
        contactPhone: String(body.contactPhone ?? ''),
        chains,
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { password: _password, _csrf, ...kept } = body;
      return response.status(400).render('pages/signup', signupViewModel(request, kept, error.details));
    }
    response.render('pages/signup-done', { title: request.t('signup.doneTitle') });
  });

  return router;
}
