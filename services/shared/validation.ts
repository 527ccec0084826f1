import { ValidationError } from './errors.js';

/**
 * Collects field problems as message keys (translated by the web layer into the user's language),
 * then throws them together so a form can show every problem at once.
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

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function cleanText(value: unknown, maxLength: number): string {
  return typeof value === 'string' ? value.normalize('NFC').trim().slice(0, maxLength) : '';
}

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

/** A whole number from a form field, or null when the field is empty; NaN marks a bad value. */
export function parseOptionalInteger(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const text = String(value).trim();
  if (text === '') return null;
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

export function parseOptionalDate(value: unknown): string | null | 'invalid' {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'invalid';
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? 'invalid' : text;
}
