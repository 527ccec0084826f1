/**
 * Typed domain errors. Services throw them; the web layer maps each type to a status and a page or
 * JSON body (`web/errors.ts`), scripts to a message and an exit code.
 *
 * The message is a diagnostic for logs and programs, in English; what a person reads comes from the
 * catalogue: `details` maps a form field (or the part of an action refused) to a message key, and
 * holds nothing else. A database's diagnostic (a constraint and its detail) travels apart, in the
 * constraint errors' `diagnostic`, so no page can show a constraint's name as if it were a message.
 */
export type FieldProblems = Readonly<Record<string, string>>;

export class DomainError extends Error {
  constructor(
    message: string,
    /** Field → message key: what to correct, or why the action was refused. */
    readonly details: FieldProblems = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The message key that says why: the first field's, else the fallback. */
  messageKey(fallback: string): string {
    return Object.values(this.details)[0] ?? fallback;
  }
}

export class ValidationError extends DomainError {}
export class NotFoundError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class ConflictError extends DomainError {}

/** What the database said when it refused a write: which rule, and its own words (for the log only). */
export interface ConstraintDiagnostic {
  constraint: string;
  detail: string;
}

/** A write that would duplicate a natural key (a unique constraint refused it). */
export class DuplicateRecordError extends ConflictError {
  constructor(readonly diagnostic: ConstraintDiagnostic) {
    super(`duplicate record (${diagnostic.constraint})`);
  }
}

/** A write whose value the schema refused: an unknown reference, a value a check forbids, a missing value. */
export class ConstraintViolationError extends ValidationError {
  constructor(
    message: string,
    readonly rule: 'foreign_key' | 'check' | 'not_null',
    readonly diagnostic: ConstraintDiagnostic,
  ) {
    super(message);
  }
}

/** The constraint a write broke, when the error is a constraint error: how a service tells its own rule apart. */
export function violatedConstraint(error: unknown): string | null {
  return error instanceof DuplicateRecordError || error instanceof ConstraintViolationError
    ? error.diagnostic.constraint
    : null;
}

/** Too many attempts in a while: the person is told why (`reasonKey`) and, when known, how long to wait. */
export class RateLimitError extends DomainError {
  constructor(
    message: string,
    readonly reasonKey: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}
