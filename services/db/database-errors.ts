import { ConflictError, DomainError, ValidationError } from '../shared/errors.js';

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
  const details = { constraint, detail: found.detail ?? '' };
  switch (found.code) {
    case UNIQUE_VIOLATION:
      return new ConflictError(`duplicate record (${constraint})`, details);
    case FOREIGN_KEY_VIOLATION:
      return new ValidationError(`refers to a record that does not exist (${constraint})`, details);
    case CHECK_VIOLATION:
      return new ValidationError(`value not allowed (${constraint})`, details);
    case NOT_NULL_VIOLATION:
      return new ValidationError(`a required value is missing (${found.message ?? constraint})`, details);
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
