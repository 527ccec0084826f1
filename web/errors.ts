import type { NextFunction, Request, Response } from 'express';
import { describeErrorForLog, isDatabaseUnavailable } from '../services/db/index.js';
import { DEFAULT_LOCALE, translate } from '../services/i18n/index.js';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../services/shared/errors.js';
import { MAX_UPLOAD_MEGABYTES } from './uploads.js';

/** How long a client is told to wait when the database is away: about one reconnect attempt. */
export const RETRY_AFTER_SECONDS = 5;

function statusOf(error: unknown): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (isDatabaseUnavailable(error)) return 503;
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
      429: 'too_many',
      503: 'unavailable',
    }[status] ?? (status >= 500 ? 'internal' : 'bad_request')
  );
}

const MESSAGE_KEY = /^[a-z]+\.[\w.]+$/i;

/** A field's label in the reader's language where the catalogue has one, else its name. */
function fieldLabel(t: (key: string) => string, field: string): string {
  const label = t(`field.${field}`);
  return label === `field.${field}` ? field : label;
}

export function notFound(_request: Request, _response: Response, next: NextFunction): void {
  next(new NotFoundError('no such page'));
}

/**
 * The one place errors become responses: JSON under /api, a short page elsewhere. Never a stack
 * trace. A failure is logged with the request id, method and route, never the form or the query.
 */
export function handleErrors(
  error: unknown,
  request: Request,
  response: Response,
  _next: NextFunction,
): void {
  const status = statusOf(error);
  if (status >= 500) {
    request.log.error(
      {
        method: request.method,
        route: request.route?.path ?? request.path,
        status,
        ...describeErrorForLog(error),
      },
      status === 503 ? 'database unavailable' : 'request failed',
    );
  }
  const message =
    status === 503
      ? 'Database unavailable'
      : status >= 500
        ? 'Internal error'
        : error instanceof Error
          ? error.message
          : 'Bad request';
  const details = error instanceof DomainError ? error.details : {};
  if (response.headersSent) return;
  response.status(status);
  if (status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  const t = (key: string, params?: Record<string, unknown>) =>
    request.t ? request.t(key, params) : translate(DEFAULT_LOCALE, key, params);
  if (request.path.startsWith('/api/')) {
    // details keep the message keys for programs; messages carry them in the caller's language.
    const messages = Object.fromEntries(
      Object.entries(details).map(([field, key]) => [
        field,
        t(key, { field: fieldLabel(t, field), maxMegabytes: MAX_UPLOAD_MEGABYTES }),
      ]),
    );
    response.json({ error: { code: codeOf(status), message, details, messages, requestId: request.id } });
    return;
  }
  const page = [400, 403, 404, 409, 429, 503].includes(status) ? status : status >= 500 ? 500 : 400;
  const isCsrf = error instanceof ForbiddenError && error.message === 'csrf';
  // A refused field says what was wrong with it, so the person knows what to correct.
  const problems =
    error instanceof ValidationError
      ? Object.entries(details)
          .filter(([, key]) => MESSAGE_KEY.test(key))
          .map(([field, key]) => t(key, { field: fieldLabel(t, field), maxMegabytes: MAX_UPLOAD_MEGABYTES }))
      : [];
  response.render('pages/error', {
    title: t(`error.${page}.heading`),
    status,
    heading: `error.${page}.heading`,
    message: isCsrf ? 'error.csrf.message' : `error.${page}.message`,
    retrySeconds: status === 503 ? RETRY_AFTER_SECONDS : null,
    retryPath: status === 503 && request.method === 'GET' ? request.originalUrl : null,
    problems,
    requestId: request.id,
  });
}
