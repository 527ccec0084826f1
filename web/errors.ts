import type { NextFunction, Request, Response } from 'express';
import { describeErrorForLog, isDatabaseUnavailable } from '../services/db/index.js';
import { DEFAULT_LOCALE, translate } from '../services/i18n/index.js';
import {
  ConflictError,
  DomainError,
  type FieldProblems,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from '../services/shared/errors.js';
import { MAX_UPLOAD_MEGABYTES } from './uploads.js';

/** How long a client is told to wait when the database is away: about one reconnect attempt. */
export const RETRY_AFTER_SECONDS = 5;

/** A form came back without the token its page was given: a stale page, or another site posting. */
export class CsrfError extends Error {
  override name = 'CsrfError';
  constructor() {
    super('csrf');
  }
}

/** A program called the API without signing in (a page sends the visitor to the login form instead). */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
  constructor() {
    super('sign in first');
  }
}

/** What an error becomes for the person or program that asked. */
export interface Answer {
  status: number;
  /** For programs under /api: stable, never translated. */
  code: string;
  /** The page's sentence, when the error type has its own rather than its status's. */
  messageKey: string | null;
  /**
   * The key of the sentence a person is told, on the page and in the JSON body's `message`: the
   * error type's own, else its status's (a status without a sentence of its own has 400's or 500's).
   */
  sentenceKey: string;
  /** Field problems a person can correct (message keys), shown on the page and in the JSON body. */
  problems: FieldProblems;
  retryAfterSeconds: number | null;
}

/** Codes of client errors other parts raise with a status of their own (body-parser, multer). */
const CLIENT_CODES: Readonly<Record<number, string>> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'too_many',
};

const plain = { messageKey: null, problems: {}, retryAfterSeconds: null };

/** Statuses with a heading and a sentence of their own in the catalogue (`error.<status>.*`). */
const WORDED_STATUSES = new Set([400, 401, 403, 404, 409, 429, 503]);

/** The status whose heading and sentence an answer shows. */
export function pageStatusOf(status: number): number {
  return WORDED_STATUSES.has(status) ? status : status >= 500 ? 500 : 400;
}

/** The one mapping from an error's type to its status and what is said about it. */
export function answerOf(error: unknown): Answer {
  const answer = statusOf(error);
  return { ...answer, sentenceKey: answer.messageKey ?? `error.${pageStatusOf(answer.status)}.message` };
}

function statusOf(error: unknown): Omit<Answer, 'sentenceKey'> {
  if (error instanceof CsrfError)
    return { ...plain, status: 403, code: 'forbidden', messageKey: 'error.csrf.message' };
  if (error instanceof UnauthenticatedError) return { ...plain, status: 401, code: 'unauthenticated' };
  if (error instanceof RateLimitError)
    return {
      ...plain,
      status: 429,
      code: 'too_many',
      messageKey: error.reasonKey,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  if (error instanceof DomainError) {
    const problems = error.details;
    if (error instanceof ValidationError) return { ...plain, status: 400, code: 'invalid', problems };
    if (error instanceof ForbiddenError) return { ...plain, status: 403, code: 'forbidden', problems };
    if (error instanceof NotFoundError) return { ...plain, status: 404, code: 'not_found', problems };
    if (error instanceof ConflictError) return { ...plain, status: 409, code: 'conflict', problems };
  }
  if (isDatabaseUnavailable(error))
    return { ...plain, status: 503, code: 'unavailable', retryAfterSeconds: RETRY_AFTER_SECONDS };
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { ...plain, status, code: CLIENT_CODES[status] ?? 'bad_request' };
  return { ...plain, status: 500, code: 'internal' };
}

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
  const answer = answerOf(error);
  const { status } = answer;
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
  if (response.headersSent) return;
  response.status(status);
  if (answer.retryAfterSeconds !== null) response.setHeader('Retry-After', String(answer.retryAfterSeconds));
  const t = (key: string, params?: Record<string, unknown>) =>
    request.t ? request.t(key, params) : translate(DEFAULT_LOCALE, key, params);
  const sentences = Object.entries(answer.problems).map(
    ([field, key]) =>
      [field, t(key, { field: fieldLabel(t, field), maxMegabytes: MAX_UPLOAD_MEGABYTES })] as const,
  );
  const retrySeconds = status === 503 ? RETRY_AFTER_SECONDS : null;
  if (request.path.startsWith('/api/')) {
    // code and the keys are for programs; message and messages say the same in the caller's language.
    response.json({
      error: {
        code: answer.code,
        message: t(answer.sentenceKey, { seconds: retrySeconds }),
        messageKey: answer.sentenceKey,
        details: answer.problems,
        messages: Object.fromEntries(sentences),
        requestId: request.id,
      },
    });
    return;
  }
  const page = pageStatusOf(status);
  response.render('pages/error', {
    title: t(`error.${page}.heading`),
    status,
    heading: `error.${page}.heading`,
    message: answer.sentenceKey,
    retrySeconds,
    retryPath: status === 503 && request.method === 'GET' ? request.originalUrl : null,
    // A refused field says what was wrong with it, so the person knows what to correct.
    problems: status === 400 ? sentences.map(([, sentence]) => sentence) : [],
    requestId: request.id,
  });
}
