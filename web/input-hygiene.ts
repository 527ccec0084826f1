import type { NextFunction, Request, Response } from 'express';
import { ValidationError } from '../services/shared/errors.js';
import { type TextShape, textFault } from '../services/shared/text-hygiene.js';

/**
 * Fields whose form control is a textarea (or whose JSON value is text in several lines): tab and
 * line breaks are part of their value. Every other field is one line.
 */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set([
  'addresses',
  'attachments',
  'breakthrough',
  'goals',
  'plan',
  'description',
  'bio',
  'note',
  'researchDirections',
  'summary',
  'abstract',
  'message',
  'reason',
  'outcome',
  'comment',
]);

const shapeOf = (field: string): TextShape => (MULTILINE_FIELDS.has(field) ? 'multiline' : 'line');

type Scalar = string | number | boolean | null;

/** What a field may hold once parsed: a scalar, or a list of scalars (repeated form fields, JSON arrays). */
type Problem = { field: string; key: string };

function checkScalar(field: string, value: unknown): Problem | null {
  if (typeof value === 'string') {
    const fault = textFault(value, shapeOf(field));
    return fault ? { field, key: `input.${fault}` } : null;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return null;
  return { field, key: 'input.type' };
}

function checkValue(field: string, value: unknown): Problem | null {
  if (!Array.isArray(value)) return checkScalar(field, value);
  for (const item of value as unknown[]) {
    if (Array.isArray(item)) return { field, key: 'input.type' };
    const problem = checkScalar(field, item as Scalar);
    if (problem) return problem;
  }
  return null;
}

/** The first problem in a parsed body or query: a field name with bad text, bad text in a value, or a nested object. */
export function findInputProblem(record: unknown): Problem | null {
  if (record === undefined || record === null) return null;
  if (typeof record !== 'object') return checkScalar('body', record);
  const entries = Array.isArray(record)
    ? record.map((value, index) => [String(index), value] as const)
    : Object.entries(record as Record<string, unknown>);
  for (const [field, value] of entries) {
    if (textFault(field, 'line')) return { field: '(name)', key: 'input.control_character' };
    const problem = checkValue(field, value);
    if (problem) return problem;
  }
  return null;
}

/**
 * The one check every value passes where it enters: the query string, a form, a JSON body, the text
 * fields of an upload. It runs after the body parsers and before any handler, so no route has to
 * remember it; a refused request is a 400 naming the field, and nothing is written.
 */
export function inputHygiene(request: Request, _response: Response, next: NextFunction): void {
  const fileName = request.file?.originalname;
  const problem =
    findInputProblem(request.query) ??
    findInputProblem(request.body) ??
    (fileName !== undefined && textFault(fileName, 'line')
      ? { field: 'file', key: 'input.control_character' }
      : null);
  if (!problem) return next();
  next(new ValidationError(`refused input in ${problem.field}`, { [problem.field]: problem.key }));
}
