import { type Request, type Response, Router } from 'express';
import {
  acceptInvitation,
  changePassword,
  checkResetToken,
  findOpenInvitation,
  MIN_PASSWORD_LENGTH,
  requestPasswordReset,
  resetPassword,
  TokenRefusedError,
} from '../../services/accounts/index.js';
import { allowResetRequest, attemptKey } from '../../services/login-limits/index.js';
import { RateLimitError, ValidationError } from '../../services/shared/errors.js';
import { findUserById } from '../../services/users/index.js';
import { requireUser } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { endSession, startSignedInSession } from '../sessions.js';
import { homeOf } from './auth.routes.js';
import { formBody } from './request-helpers.js';
import type { RouteDependencies } from './route-dependencies.js';

/** A link that does not open: one clear page saying why and what to do, never the form. */
function renderRefused(
  request: Request,
  response: Response,
  error: TokenRefusedError,
  purpose: 'invitation' | 'reset',
) {
  response.status(error.reason === 'unknown' ? 404 : 410).render('pages/account/link-refused', {
    title: request.t('account.link.title'),
    reason: `account.token.${error.reason}`,
    hint: purpose === 'invitation' ? 'account.link.askAgain' : 'account.link.requestAgain',
    isReset: purpose === 'reset',
  });
}

const passwordRules = (request: Request) => request.t('account.password.rules', { min: MIN_PASSWORD_LENGTH });

export function accountRoutes({ db }: RouteDependencies): Router {
  const router = Router();

  const renderForgot = (request: Request, response: Response, status: number, key: string | null) =>
    response.status(status).render('pages/account/forgot', {
      title: request.t('account.forgot.title'),
      sent: key,
      email: '',
    });

  router.get('/password/forgot', (request, response) => renderForgot(request, response, 200, null));

  // The same answer for every address, known or not, so the form tells nobody who has an account.
  router.post('/password/forgot', async (request, response) => {
    const email = formBody(request).email;
    if (!(await allowResetRequest(db, attemptKey(email, request.ip))))
      throw new RateLimitError('too many password reset requests', 'account.forgot.tooMany');
    await requestPasswordReset(db, email);
    renderForgot(request, response, 200, 'account.forgot.sent');
  });

  const renderSetPassword = (
    request: Request,
    response: Response,
    view: {
      action: string;
      heading: string;
      email?: string;
      displayName?: string;
      errors?: Record<string, string>;
    },
    status = 200,
  ) =>
    response.status(status).render('pages/account/set-password', {
      title: request.t(view.heading),
      rules: passwordRules(request),
      errors: {},
      ...view,
    });

  router.get('/account/reset/:token', async (request, response) => {
    try {
      await checkResetToken(db, request.params.token);
    } catch (error) {
      if (error instanceof TokenRefusedError) return renderRefused(request, response, error, 'reset');
      throw error;
    }
    renderSetPassword(request, response, { action: request.originalUrl, heading: 'account.reset.title' });
  });

  router.post('/account/reset/:token', async (request, response) => {
    const body = formBody(request);
    try {
      await resetPassword(db, {
        token: request.params.token,
        password: body.password,
        confirmation: body.confirmation,
      });
    } catch (error) {
      if (error instanceof TokenRefusedError) return renderRefused(request, response, error, 'reset');
      if (!(error instanceof ValidationError)) throw error;
      return renderSetPassword(
        request,
        response,
        { action: request.originalUrl, heading: 'account.reset.title', errors: error.details },
        400,
      );
    }
    // Every session of the account has just ended, this browser's included if it was signed in.
    await endSession(request);
    flash(request, 'success', 'account.reset.done');
    response.redirect('/login');
  });

  router.get('/account/invitation/:token', async (request, response) => {
    let invitation: Awaited<ReturnType<typeof findOpenInvitation>>;
    try {
      invitation = await findOpenInvitation(db, request.params.token);
    } catch (error) {
      if (error instanceof TokenRefusedError) return renderRefused(request, response, error, 'invitation');
      throw error;
    }
    renderSetPassword(request, response, {
      action: request.originalUrl,
      heading: 'account.invitation.title',
      email: invitation.email,
      displayName: invitation.displayName,
    });
  });

  router.post('/account/invitation/:token', async (request, response, next) => {
    const body = formBody(request);
    let userId: number;
    try {
      ({ userId } = await acceptInvitation(db, {
        token: request.params.token,
        password: body.password,
        confirmation: body.confirmation,
      }));
    } catch (error) {
      if (error instanceof TokenRefusedError) return renderRefused(request, response, error, 'invitation');
      if (!(error instanceof ValidationError)) throw error;
      const invitation = await findOpenInvitation(db, request.params.token);
      return renderSetPassword(
        request,
        response,
        {
          action: request.originalUrl,
          heading: 'account.invitation.title',
          email: invitation.email,
          displayName: invitation.displayName,
          errors: error.details,
        },
        400,
      );
    }
    const user = await findUserById(db, userId);
    if (!user) return next(new Error('the account just created is missing'));
    const locale = request.session.locale;
    await startSignedInSession(request, user);
    request.session.locale = locale ?? user.locale;
    flash(request, 'success', 'account.invitation.done');
    response.redirect(homeOf(user));
  });

  router.get('/account', requireUser, (request, response) => {
    response.render('pages/account/account', {
      title: request.t('account.title'),
      rules: passwordRules(request),
      errors: {},
      email: request.user!.email,
    });
  });

  router.post('/account/password', requireUser, async (request, response) => {
    const body = formBody(request);
    try {
      await changePassword(db, request.user!, {
        current: body.current,
        password: body.password,
        confirmation: body.confirmation,
        // Signed in (requireUser), so the session is stored and has its id.
        keepSessionId: request.sessionID!,
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return response.status(400).render('pages/account/account', {
        title: request.t('account.title'),
        rules: passwordRules(request),
        errors: error.details,
        email: request.user!.email,
      });
    }
    flash(request, 'success', 'account.password.changed');
    response.redirect('/account');
  });

  return router;
}
