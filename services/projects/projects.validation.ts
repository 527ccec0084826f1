import { cleanText, FieldProblems, parseOptionalDate } from '../validation/index.js';
import type { ProjectSubmission } from './projects.types.js';

/** A project budget above a million 万元 (10 billion yuan) is a typing slip. */
const BUDGET_MAX = 1_000_000;
const ATTACHMENTS_MAX = 20;

export interface ProjectFields {
  title: string;
  breakthrough: string;
  goals: string;
  plan: string;
  attachments: string[];
  budget: number;
  startsOn: string;
  endsOn: string;
  teamIds: number[];
}

/** Parses a positive amount with at most two decimals; null (and a problem) when it is not one. */
export function parseMoney(
  value: unknown,
  field: string,
  problems: FieldProblems,
  options: { max?: number; required?: boolean } = {},
): number | null {
  const text =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? value.trim().replaceAll(',', '')
        : '';
  if (text === '') {
    if (options.required !== false) problems.add(field, 'validation.required');
    return null;
  }
  if (
    !/^\d+(\.\d{1,2})?$/.test(text) ||
    Number(text) <= 0 ||
    (options.max !== undefined && Number(text) > options.max)
  ) {
    problems.add(field, 'project.amount');
    return null;
  }
  return Number(text);
}

export function idList(value: unknown): number[] {
  const values = Array.isArray(value)
    ? value
    : value === undefined || value === null || value === ''
      ? []
      : [value];
  return [
    ...new Set(
      values
        .map((item) => String(item).trim())
        .filter((item) => /^\d{1,9}$/.test(item))
        .map(Number),
    ),
  ];
}

function attachmentList(value: unknown): string[] {
  const lines = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/\r?\n/)
      : [];
  return lines
    .map((line) => cleanText(line, 200))
    .filter(Boolean)
    .slice(0, ATTACHMENTS_MAX);
}

export function parseProjectSubmission(submission: ProjectSubmission): ProjectFields {
  const problems = new FieldProblems();
  const required = (field: keyof ProjectSubmission, max: number) => {
    const text = cleanText(submission[field], max);
    if (!text) problems.add(field, 'validation.required');
    return text;
  };
  const title = required('title', 200);
  const breakthrough = required('breakthrough', 1_000);
  const goals = required('goals', 4_000);
  const plan = cleanText(submission.plan, 10_000);
  const budget = parseMoney(submission.budget, 'budget', problems, { max: BUDGET_MAX });
  const date = (field: 'startsOn' | 'endsOn') => {
    const parsed = parseOptionalDate(submission[field]);
    if (parsed === null) problems.add(field, 'validation.required');
    if (parsed === 'invalid') problems.add(field, 'validation.date');
    return typeof parsed === 'string' && parsed !== 'invalid' ? parsed : null;
  };
  const startsOn = date('startsOn');
  const endsOn = date('endsOn');
  if (startsOn && endsOn && startsOn > endsOn) problems.add('endsOn', 'project.periodOrder');
  problems.throwIfAny();
  return {
    title,
    breakthrough,
    goals,
    plan,
    attachments: attachmentList(submission.attachments),
    budget: budget!,
    startsOn: startsOn!,
    endsOn: endsOn!,
    teamIds: idList(submission.teamIds),
  };
}
