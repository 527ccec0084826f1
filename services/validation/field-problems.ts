import { ValidationError } from '../shared/errors.js';
import { isoDate } from './rules.js';

/**
 * Collects field problems as message keys (translated by the web layer into the user's language),
 * then throws them together so a form can show every problem at once. For the inputs that have no
 * schema yet (projects, consortia, support, brokering): a new input gets a schema beside the others.
 */
export class FieldProblems {
  private readonly problems: Record<string, string> = {};

  add(field: string, messageKey: string): void {
    if (!(field in this.problems)) this.problems[field] = messageKey;
  }

  get isEmpty(): boolean {
    return Object.keys(this.problems).length === 0;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw new ValidationError('invalid input', { ...this.problems });
  }
}

export function cleanText(value: unknown, maxLength: number): string {
  return typeof value === 'string' ? value.normalize('NFC').trim().slice(0, maxLength) : '';
}

/** A whole number from a form field, or null when the field is empty; NaN marks a bad value. */
export function parseOptionalInteger(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const text = String(value).trim();
  if (text === '') return null;
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** A date from a form field (the same rule as the schemas'), null when empty, 'invalid' otherwise. */
export function parseOptionalDate(value: unknown): string | null | 'invalid' {
  const result = isoDate().safeParse(typeof value === 'string' ? value : '');
  return result.success ? result.data : 'invalid';
}
