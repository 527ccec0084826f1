import type { NextFunction, Request, Response } from 'express';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../services/shared/errors.js';

function statusOf(error: unknown): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  // body-parser and friends mark client errors with a status of their own.
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return status;
  return 500;
}

function codeOf(status: number): string {
  return (
    {
      400: 'invalid',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      409: 'conflict',
      413: 'too_large',
    }[status] ?? (status >= 500 ? 'internal' : 'bad_request')
  );
}

export function notFound(_request: Request, _response: Response, next: NextFunction): void {
  next(new NotFoundError('no such page'));
}

/** The one place errors become responses: JSON under /api, a short page elsewhere. Never a stack trace. */
export function handleErrors(
  error: unknown,
  request: Request,
  response: Response,
  _next: NextFunction,
): void {
  const status = statusOf(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  const message = status >= 500 ? 'Internal error' : error instanceof Error ? error.message : 'Bad request';
  const details = error instanceof DomainError ? error.details : {};
  if (response.headersSent) return;
  response.status(status);
  if (request.path.startsWith('/api/')) {
    response.json({ error: { code: codeOf(status), message, details, requestId: request.id } });
    return;
  }
  const page = [400, 403, 404, 409, 429].includes(status) ? status : status >= 500 ? 500 : 400;
  const isCsrf = error instanceof ForbiddenError && error.message === 'csrf';
  response.render('pages/error', {
    title: request.t ? request.t(`error.${page}.heading`) : String(status),
    status,
    heading: `error.${page}.heading`,
    message: isCsrf ? 'error.csrf.message' : `error.${page}.message`,
    requestId: request.id,
  });
}
