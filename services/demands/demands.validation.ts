import { todayInCity } from '../shared/city-date.js';
import {
  CHAIN_CODES,
  DEMAND_CLASSES,
  type DemandClass,
  VISIBILITIES,
  type Visibility,
} from '../shared/enums.js';
import { cleanText, FieldProblems, parseOptionalDate, parseOptionalInteger } from '../shared/validation.js';
import type { DemandFields, DemandSubmission } from './demands.types.js';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 5_000;
/** Budgets above 1,000,000 万元 (10 billion yuan) are typing mistakes, not demands. */
export const BUDGET_MAX = 1_000_000;

const isOneOf = <Code extends string>(list: readonly Code[], value: unknown): value is Code =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

function budget(problems: FieldProblems, field: string, value: unknown): number | null {
  const parsed = parseOptionalInteger(value);
  if (parsed !== null && (Number.isNaN(parsed) || parsed < 0 || parsed > BUDGET_MAX)) {
    problems.add(field, 'validation.budget');
    return null;
  }
  return parsed;
}

/**
 * Checks a demand as typed and says every problem at once, as message keys per field. The
 * deadline may stay in the past only if it was already stored so (an old demand being edited).
 */
export function parseDemandInput(
  input: DemandSubmission,
  storedDeadline: string | null = null,
): DemandFields {
  const problems = new FieldProblems();
  const rawTitle = typeof input.title === 'string' ? input.title.trim() : '';
  const title = cleanText(input.title, TITLE_MAX);
  const titleEn = cleanText(input.titleEn, TITLE_MAX) || null;
  const description = cleanText(input.description, DESCRIPTION_MAX + 1);
  if (!title) problems.add('title', 'validation.required');
  else if (rawTitle.length > TITLE_MAX) problems.add('title', 'validation.tooLong');
  if (typeof input.titleEn === 'string' && input.titleEn.trim().length > TITLE_MAX)
    problems.add('titleEn', 'validation.tooLong');
  if (!description) problems.add('description', 'validation.required');
  else if (description.length > DESCRIPTION_MAX) problems.add('description', 'validation.tooLong');
  if (!isOneOf(CHAIN_CODES, input.chainCode)) problems.add('chainCode', 'validation.choose');
  if (!isOneOf(DEMAND_CLASSES, input.demandClass)) problems.add('demandClass', 'validation.choose');
  if (!isOneOf(VISIBILITIES, input.visibility)) problems.add('visibility', 'validation.choose');
  const expectedTrl = parseOptionalInteger(input.expectedTrl);
  if (expectedTrl !== null && (Number.isNaN(expectedTrl) || expectedTrl < 1 || expectedTrl > 9))
    problems.add('expectedTrl', 'validation.trl');
  const budgetMin = budget(problems, 'budgetMin', input.budgetMin);
  const budgetMax = budget(problems, 'budgetMax', input.budgetMax);
  if (budgetMin !== null && budgetMax !== null && budgetMin > budgetMax)
    problems.add('budgetMax', 'validation.budgetOrder');
  const deadline = parseOptionalDate(input.deadline);
  if (deadline === 'invalid') problems.add('deadline', 'validation.date');
  else if (deadline !== null && deadline !== storedDeadline && deadline < todayInCity())
    problems.add('deadline', 'validation.datePast');
  problems.throwIfAny();
  return {
    title,
    titleEn,
    description,
    chainCode: input.chainCode as string,
    demandClass: input.demandClass as DemandClass,
    expectedTrl,
    budgetMin,
    budgetMax,
    deadline: deadline as string | null,
    visibility: input.visibility as Visibility,
  };
}
