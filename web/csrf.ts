import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../services/shared/errors.js';

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
    locale?: string;
    flash?: { kind: 'success' | 'error' | 'info'; key: string; params?: Record<string, string> }[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function matches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

/**
 * Synchronizer-token CSRF protection: every form carries the session's token in `_csrf`, every
 * script sends it as X-CSRF-Token, and an unsafe request without it is refused before any handler.
 */
export function csrfProtection(request: Request, response: Response, next: NextFunction): void {
  const session = request.session;
  session.csrfToken ??= randomBytes(24).toString('base64url');
  response.locals.csrfToken = session.csrfToken;
  if (SAFE_METHODS.has(request.method)) return next();
  const given = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.get('x-csrf-token');
  if (!matches(session.csrfToken, given)) return next(new ForbiddenError('csrf'));
  next();
}
