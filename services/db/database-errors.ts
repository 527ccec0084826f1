import { ConstraintViolationError, DomainError, DuplicateRecordError } from '../shared/errors.js';

interface PostgresErrorFields {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
  cause?: unknown;
}

/** PostgreSQL's SQLSTATE codes for the integrity rules the schema enforces. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATION = '23514';
const NOT_NULL_VIOLATION = '23502';

/** Drizzle wraps driver errors; the SQLSTATE sits on the error or on its cause, on both drivers. */
function findPostgresError(error: unknown): PostgresErrorFields | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const fields = current as PostgresErrorFields;
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    current = fields.cause;
  }
  return null;
}

/**
 * Turns a constraint violation into a typed domain error naming the constraint, so callers can
 * tell a duplicate natural key from an unknown reference. Anything else is rethrown unchanged.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const found = findPostgresError(error);
  if (!found) return error;
  const constraint = found.constraint ?? 'unknown';
  const diagnostic = { constraint, detail: found.detail ?? '' };
  switch (found.code) {
    case UNIQUE_VIOLATION:
      return new DuplicateRecordError(diagnostic);
    case FOREIGN_KEY_VIOLATION:
      return new ConstraintViolationError(
        `refers to a record that does not exist (${constraint})`,
        'foreign_key',
        diagnostic,
      );
    case CHECK_VIOLATION:
      return new ConstraintViolationError(`value not allowed (${constraint})`, 'check', diagnostic);
    case NOT_NULL_VIOLATION:
      return new ConstraintViolationError(
        `a required value is missing (${found.message ?? constraint})`,
        'not_null',
        diagnostic,
      );
    default:
      return error;
  }
}

/** Runs a write and rethrows constraint violations as domain errors. */
export async function withDomainErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toDomainError(error);
  }
}

/**
 * SQLSTATE classes and driver messages that mean "the database is not there right now" rather than
 * "this request was wrong": class 08 (connection exception), 57P01–57P03 (shut down, terminated,
 * cannot connect now), 53300 (too many connections), and node-postgres's own connection failures.
 */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is closed|server closed the connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const fields = current as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
    if (fields.name === 'DatabaseUnavailableError') return true;
    if (
      typeof fields.code === 'string' &&
      (fields.code.startsWith('08') || UNAVAILABLE_CODES.has(fields.code))
    )
      return true;
    if (typeof fields.message === 'string' && UNAVAILABLE_MESSAGES.test(fields.message)) return true;
    current = fields.cause;
  }
  return false;
}

/**
 * An error as the log may keep it: its kind, SQLSTATE, constraint and the statement's text with its
 * placeholders, never the statement's parameters nor a driver message (PostgreSQL quotes the
 * offending value in many of them), so a logged failure cannot leak what a user typed.
 */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  const described: Record<string, unknown> = {};
  let current: unknown = error;
  const chain: Record<string, unknown>[] = [];
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const fields = current as {
      name?: unknown;
      code?: unknown;
      constraint?: unknown;
      routine?: unknown;
      query?: unknown;
      message?: unknown;
      stack?: unknown;
      cause?: unknown;
    };
    const isDatabaseError =
      typeof fields.query === 'string' ||
      typeof fields.routine === 'string' ||
      (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code));
    const entry: Record<string, unknown> = { type: typeof fields.name === 'string' ? fields.name : 'Error' };
    if (typeof fields.code === 'string') entry.code = fields.code;
    if (typeof fields.constraint === 'string') entry.constraint = fields.constraint;
    if (typeof fields.routine === 'string') entry.routine = fields.routine;
    if (typeof fields.query === 'string') entry.query = fields.query.slice(0, 2_000);
    if (!isDatabaseError && typeof fields.message === 'string') entry.message = fields.message.slice(0, 500);
    if (!isDatabaseError && typeof fields.stack === 'string')
      entry.stack = fields.stack.split('\n').slice(1, 12).join('\n');
    chain.push(entry);
    current = fields.cause;
  }
  described.error = chain[0] ?? { type: typeof error };
  if (chain.length > 1) described.causes = chain.slice(1);
  return described;
}
