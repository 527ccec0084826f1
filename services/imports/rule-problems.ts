import type * as z from 'zod';
import { BUDGET_MAX, MAX_DIRECTIONS } from '../validation/index.js';
import type { ProblemCode } from './messages.js';

type Params = Record<string, string | number>;

/**
 * How an import report words a field rule's message key (the key a form shows beside the field):
 * the report also says which cell and what was written, so it has its own sentences, with the
 * limits the rule applies.
 */
const PROBLEMS: Readonly<Record<string, { code: ProblemCode; params?: Params }>> = {
  'validation.email': { code: 'invalid_email' },
  'validation.phone': { code: 'invalid_phone' },
  'validation.required': { code: 'required_value_missing' },
  'validation.trl': { code: 'invalid_integer', params: { min: 1, max: 9 } },
  'validation.budget': { code: 'invalid_integer', params: { min: 0, max: BUDGET_MAX } },
  'validation.year': { code: 'invalid_integer', params: { min: 1950, max: 2100 } },
  'validation.date': { code: 'invalid_date' },
  'validation.tooManyDirections': { code: 'too_many_directions', params: { max: MAX_DIRECTIONS } },
};

/** The report's problem for a field rule that failed on one cell. */
export function ruleProblem(issue: z.core.$ZodIssue, value: unknown): { code: ProblemCode; params: Params } {
  const written = Array.isArray(value) ? value.join('；') : String(value ?? '');
  if (issue.code === 'too_big' && issue.message === 'validation.tooLong')
    return { code: 'too_long', params: { max: Number(issue.maximum), value: written } };
  const known = PROBLEMS[issue.message];
  return { code: known?.code ?? 'invalid_value', params: { ...known?.params, value: written } };
}
