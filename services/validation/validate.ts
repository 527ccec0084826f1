import type * as z from 'zod';
import { ValidationError } from '../shared/errors.js';

/** The first problem of each field, as message keys: what a form shows beside the field. */
export function fieldProblemsOf(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
    problems[field] ??= issue.message;
  }
  return problems;
}

/** The input as the schema makes it, or a ValidationError naming every field at fault at once. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError('invalid input', fieldProblemsOf(result.error));
  return result.data;
}

/**
 * Checks the values an import row sets against the entity's field rules, field by field: a row sets
 * only the columns the file has, and a blank cell leaves a field empty (the list's own columns say
 * which must be filled), so the rules apply to what is written. Returns each failing field's first
 * issue: its message key, and the limit it broke where there is one.
 */
export function checkFields(
  rules: Readonly<Record<string, z.ZodType>>,
  values: Readonly<Record<string, unknown>>,
): Record<string, z.core.$ZodIssue> {
  const problems: Record<string, z.core.$ZodIssue> = {};
  for (const [field, value] of Object.entries(values)) {
    const rule = rules[field];
    if (!rule || isBlank(value)) continue;
    const result = rule.safeParse(value);
    if (!result.success) problems[field] = result.error.issues[0]!;
  }
  return problems;
}

const isBlank = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);
