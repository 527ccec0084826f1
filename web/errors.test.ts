import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ConstraintViolationError,
  DatabaseUnavailableError,
  DuplicateRecordError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from '../services/shared/errors.js';
import { answerOf, CsrfError, RETRY_AFTER_SECONDS, UnauthenticatedError } from './errors.js';

describe('the mapping from an error to its answer', () => {
  it('gives each domain error its status and code, with its field problems', () => {
    const refused = answerOf(new ValidationError('bad', { email: 'validation.email' }));
    expect(refused).toMatchObject({ status: 400, code: 'invalid', problems: { email: 'validation.email' } });
    expect(answerOf(new ForbiddenError('no'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(answerOf(new NotFoundError('no'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(answerOf(new ConflictError('no', { status: 'brokering.refused.accepted' }))).toMatchObject({
      status: 409,
      code: 'conflict',
      problems: { status: 'brokering.refused.accepted' },
    });
  });

  it('keeps a constraint’s name and the database’s detail out of what a person or program is shown', () => {
    const duplicate = new DuplicateRecordError({
      constraint: 'users_email_unique',
      detail: 'Key (email)=(a@b.c)',
    });
    const unknown = new ConstraintViolationError('refers to nothing', 'foreign_key', {
      constraint: 'demands_enterprise_fk',
      detail: 'Key (enterprise_id)=(9)',
    });
    expect(answerOf(duplicate)).toMatchObject({ status: 409, code: 'conflict', problems: {} });
    expect(answerOf(unknown)).toMatchObject({ status: 400, code: 'invalid', problems: {} });
    expect(duplicate.messageKey('error.409.message')).toBe('error.409.message');
  });

  it('tells a stale form by its type, not by its message, and says so on the page', () => {
    expect(answerOf(new CsrfError())).toMatchObject({ status: 403, messageKey: 'error.csrf.message' });
    expect(answerOf(new ForbiddenError('csrf')).messageKey).toBeNull();
    expect(answerOf(new CsrfError()).sentenceKey).toBe('error.csrf.message');
    expect(answerOf(new UnauthenticatedError())).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      sentenceKey: 'error.401.message',
    });
    expect(answerOf(new ForbiddenError('csrf')).sentenceKey).toBe('error.403.message');
  });

  it('answers a rate limit with 429, its reason and how long to wait', () => {
    expect(answerOf(new RateLimitError('slow down', 'account.forgot.tooMany', 30))).toMatchObject({
      status: 429,
      code: 'too_many',
      messageKey: 'account.forgot.tooMany',
      retryAfterSeconds: 30,
    });
  });

  it('asks to retry when the database is away, keeps other clients’ statuses, and fails the rest', () => {
    expect(answerOf(new DatabaseUnavailableError('gone'))).toMatchObject({
      status: 503,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
    expect(answerOf(Object.assign(new Error('too big'), { status: 413 }))).toMatchObject({
      status: 413,
      code: 'too_large',
    });
    expect(answerOf(new Error('bug'))).toMatchObject({
      status: 500,
      code: 'internal',
      sentenceKey: 'error.500.message',
    });
    expect(answerOf(new DatabaseUnavailableError('gone')).sentenceKey).toBe('error.503.message');
    // A status without a sentence of its own says 400's.
    expect(answerOf(Object.assign(new Error('too big'), { status: 413 })).sentenceKey).toBe(
      'error.400.message',
    );
  });
});
