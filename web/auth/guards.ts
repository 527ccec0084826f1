import type { NextFunction, Request, Response } from 'express';
import type { UserRole } from '../../services/shared/enums.js';
import { ForbiddenError } from '../../services/shared/errors.js';
import { UnauthenticatedError } from '../errors.js';

/** Not signed in: the API answers 401; pages send the visitor to the login form and back. */
export function requireUser(request: Request, response: Response, next: NextFunction): void {
  if (request.user) return next();
  if (request.originalUrl.startsWith('/api/')) return next(new UnauthenticatedError());
  response.redirect(`/login?next=${encodeURIComponent(request.originalUrl)}`);
}

export function requireRole(...roles: UserRole[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    requireUser(request, response, () => {
      if (request.user && roles.includes(request.user.role)) return next();
      next(new ForbiddenError('not allowed for this role'));
    });
  };
}
