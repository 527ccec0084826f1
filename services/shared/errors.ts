/**
 * Typed domain errors. Services throw them; the web layer maps each to a status and a page,
 * scripts to a message and an exit code. `field` names the form field at fault, when there is one.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {}
export class NotFoundError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class ConflictError extends DomainError {}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}
