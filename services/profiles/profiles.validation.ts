import { IP_STATUSES, type IpStatus, WORK_KINDS, type WorkKind } from '../shared/enums.js';
import { cleanText, FieldProblems, parseOptionalInteger } from '../shared/validation.js';
import type { ResultFields, WorkFields } from './profiles.repository.js';
import type { Submission } from './profiles.types.js';

export const MAX_DIRECTIONS = 20;
export const DIRECTION_MAX = 40;
export const LONG_TEXT_MAX = 5_000;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2_000;

const isOneOf = <Code extends string>(list: readonly Code[], value: unknown): value is Code =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** Directions typed one a line (or separated by commas, 、 or ；), or sent as a JSON array. */
export function parseDirections(problems: FieldProblems, field: string, value: unknown): string[] {
  const parts = Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item : ''))
    : typeof value === 'string'
      ? value.split(/[\n\r,，、;；]+/)
      : [];
  const directions = [...new Set(parts.map((part) => part.normalize('NFC').trim()).filter(Boolean))];
  if (directions.length > MAX_DIRECTIONS) problems.add(field, 'validation.tooManyDirections');
  if (directions.some((direction) => direction.length > DIRECTION_MAX))
    problems.add(field, 'validation.tooLong');
  return directions;
}

function longText(
  problems: FieldProblems,
  field: string,
  value: unknown,
  max: number,
  required: boolean,
): string {
  const text = cleanText(value, max + 1);
  if (required && !text) problems.add(field, 'validation.required');
  if (text.length > max) problems.add(field, 'validation.tooLong');
  return text.slice(0, max);
}

export function parseTeamInput(input: Submission): { description: string; researchDirections: string[] } {
  const problems = new FieldProblems();
  const description = longText(problems, 'description', input.description, LONG_TEXT_MAX, true);
  const researchDirections = parseDirections(problems, 'researchDirections', input.researchDirections);
  if (researchDirections.length === 0) problems.add('researchDirections', 'validation.required');
  problems.throwIfAny();
  return { description, researchDirections };
}

export function parseFacultyInput(input: Submission): { bio: string; researchDirections: string[] } {
  const problems = new FieldProblems();
  const bio = longText(problems, 'bio', input.bio, LONG_TEXT_MAX, false);
  const researchDirections = parseDirections(problems, 'researchDirections', input.researchDirections);
  if (researchDirections.length === 0) problems.add('researchDirections', 'validation.required');
  problems.throwIfAny();
  return { bio, researchDirections };
}

export function parseWorkInput(input: Submission): WorkFields {
  const problems = new FieldProblems();
  if (!isOneOf(WORK_KINDS, input.kind)) problems.add('kind', 'validation.choose');
  const title = longText(problems, 'title', input.title, TITLE_MAX, true);
  const summary = longText(problems, 'summary', input.summary, SUMMARY_MAX, false);
  const year = parseOptionalInteger(input.year);
  if (year !== null && (Number.isNaN(year) || year < 1950 || year > 2100))
    problems.add('year', 'validation.year');
  problems.throwIfAny();
  return { kind: input.kind as WorkKind, title, summary, year };
}

export function parseResultInput(input: Submission): ResultFields {
  const problems = new FieldProblems();
  const title = longText(problems, 'title', input.title, TITLE_MAX, true);
  const summary = longText(problems, 'summary', input.summary, SUMMARY_MAX, false);
  const trl = parseOptionalInteger(input.trl);
  if (trl !== null && (Number.isNaN(trl) || trl < 1 || trl > 9)) problems.add('trl', 'validation.trl');
  if (!isOneOf(IP_STATUSES, input.ipStatus)) problems.add('ipStatus', 'validation.choose');
  problems.throwIfAny();
  return { title, summary, trl, ipStatus: input.ipStatus as IpStatus };
}
