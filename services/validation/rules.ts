import * as z from 'zod';
import { EXTENSION_MARKERS } from './phone-vocabulary.js';

/**
 * The field rules every input of the same kind passes, whether it comes from a portal form (text),
 * the JSON API (text or numbers) or an imported spreadsheet (cells already read as text, numbers or
 * dates). Each rule takes whatever arrived and either yields the stored value or fails with the
 * message key a person reads, so a form, an API error body and an import report say the same thing.
 * Issues are raised with `continue: true`: zod otherwise skips the checks across fields (a budget's
 * order, a deadline in the past) once one field failed, and a form should tell every problem at once.
 */

/** Text as typed: NFC, trimmed; anything that is not text counts as empty. */
const typedText = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').trim() : '');

/**
 * A search filter's text or a free note beside an action (a review's, a decline's), cut at `max`
 * rather than refused: it is no field of a record, and the action should not fail over its length.
 */
export function cleanText(value: unknown, max: number): string {
  return typedText(value).slice(0, max);
}

/** Optional text of at most `max` characters; '' when empty. */
export const text = (max: number) =>
  z.unknown().optional().transform(typedText).pipe(z.string().max(max, 'validation.tooLong'));

/** Text that must be given, of at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .unknown()
    .optional()
    .transform(typedText)
    .pipe(z.string().min(1, 'validation.required').max(max, 'validation.tooLong'));

/** Optional text stored as null when empty (an English title nobody gave). */
export const textOrNull = (max: number) => text(max).transform((value) => value || null);

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX = 254;

/** An address mail can be sent to, compared and stored in lower case. */
export function isEmail(value: string): boolean {
  return value.length <= EMAIL_MAX && EMAIL_PATTERN.test(value);
}

/** An email address that must be given. */
export const email = () =>
  z
    .unknown()
    .optional()
    .transform((value) => typedText(value).toLowerCase())
    .refine(isEmail, 'validation.email');

/** An email address, or '' when none is given. */
export const optionalEmail = () =>
  z
    .unknown()
    .optional()
    .transform((value) => typedText(value).toLowerCase())
    .refine((value) => value === '' || isEmail(value), 'validation.email');

export const PHONE_MAX = 40;
/**
 * A telephone number as Chinese offices write it: 13800138000, 0631-5687123, +86 631 568 7123,
 * (0631) 5687123, 0631-5687123 转 8001 / ext. 8001, or two numbers separated by / or ；. It needs
 * at least seven digits, and nothing but digits and the usual separators.
 */
const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHONE_PATTERN = new RegExp(
  `^(\\+?[\\d\\s\\-()（）]+?)(?:\\s*(?:${EXTENSION_MARKERS.map(escaped).join('|')})\\s*\\d{1,6})?$`,
  'i',
);
/** Digits of the number itself, the extension not counted. */
const MIN_PHONE_DIGITS = 7;

export function isPhone(value: string): boolean {
  return value.split(/\s*[/／;；、,，]\s*/).every((number) => {
    const main = PHONE_PATTERN.exec(number)?.[1];
    return main !== undefined && (main.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS;
  });
}

/** A telephone number, or '' when none is given. */
export const optionalPhone = () =>
  z
    .unknown()
    .optional()
    .transform((value) => typedText(value).normalize('NFKC'))
    .pipe(
      z
        .string()
        .max(PHONE_MAX, 'validation.tooLong')
        .refine((value) => value === '' || isPhone(value), 'validation.phone'),
    );

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A whole number from min to max, or null when empty: a form sends "7", the API 7, an import
 * cell 7. Anything else fails with `messageKey`, which names the range for the reader.
 */
export const wholeNumber = (min: number, max: number, messageKey: string) =>
  z
    .unknown()
    .optional()
    .transform((value, context) => {
      if (isEmpty(value)) return null;
      const text = String(value).trim();
      const number = typeof value === 'number' ? value : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isInteger(number) && number >= min && number <= max) return number;
      context.addIssue({ code: 'custom', message: messageKey, input: value, continue: true });
      return z.NEVER;
    });

/** Technology readiness level, 1 (principle observed) to 9 (proven in operation). */
export const trl = () => wholeNumber(1, 9, 'validation.trl');

/** Budgets above 1,000,000 万元 (10 billion yuan) are typing mistakes, not demands. */
export const BUDGET_MAX = 1_000_000;

/** One end of a budget, in whole 万元. */
export const budget = () => wholeNumber(0, BUDGET_MAX, 'validation.budget');

/**
 * The upper end of a range may not come before its lower end; the problem is told on the upper
 * end. It runs even when a field failed (every problem is told at once), so both ends must be of
 * the kind the fields parse to (numbers, or ISO dates, which compare as strings).
 */
export function rangeOrder<Low extends string, High extends string>(
  low: Low,
  high: High,
  kind: 'number' | 'string',
  message: string,
) {
  return (context: z.core.ParsePayload<Record<Low | High, unknown>>): void => {
    const from = context.value[low];
    const to = context.value[high];
    if (typeof from === kind && typeof to === kind && (from as number | string) > (to as number | string))
      context.issues.push({ code: 'custom', message, path: [high], continue: true, input: context.value });
  };
}

/** A budget's lower end may not exceed its upper end. */
export const budgetRange = rangeOrder('budgetMin', 'budgetMax', 'number', 'validation.budgetOrder');

/** Sums of money in 万元 with at most two decimals: contract values, revenue, up to 10 billion yuan. */
export const MONEY_MAX = 1_000_000;

/**
 * Money is written as firms and spreadsheets write it: "1200", "1,200.50", "１，２００" (full-width,
 * folded by NFKC). Commas are taken only where they group thousands: "12,00" may be a decimal comma,
 * so it is refused rather than read as 1200. Every form, the API and the importer share this.
 */
const MONEY_PATTERN = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

function amountOf(value: unknown): number | null | undefined {
  if (isEmpty(value)) return null;
  const text = String(value).normalize('NFKC').trim();
  return MONEY_PATTERN.test(text) ? Number(text.replaceAll(',', '')) : undefined;
}

/**
 * An amount of money up to `max` (from 0, or above 0 when `aboveZero`), or null when empty;
 * anything else fails with `messageKey`.
 */
const amount = (max: number, aboveZero: boolean, messageKey: string) =>
  z
    .unknown()
    .optional()
    .transform((value, context) => {
      const number = amountOf(value);
      if (number === null) return null;
      if (number !== undefined && number <= max && (!aboveZero || number > 0)) return number;
      context.addIssue({ code: 'custom', message: messageKey, input: value, continue: true });
      return z.NEVER;
    });

/** An amount of money, 0 allowed (revenue may be none), or null when empty. */
export const money = (max = MONEY_MAX) => amount(max, false, 'validation.amount');

/** An amount above 0 (a project's budget, a grant, a loan's principal), or null when empty. */
export const positiveMoney = (max: number) => amount(max, true, 'project.amount');

/**
 * A decimal of at most `places` places below a million, 0 allowed (a rate, a percentage, a
 * multiplier), or null when empty; anything else fails with `messageKey`.
 */
export const decimal = (places: number, messageKey: string) => {
  const pattern = new RegExp(`^\\d{1,6}(\\.\\d{1,${places}})?$`);
  return z
    .unknown()
    .optional()
    .transform((value, context) => {
      if (isEmpty(value)) return null;
      const text = String(value).trim();
      if (pattern.test(text)) return Number(text);
      context.addIssue({ code: 'custom', message: messageKey, input: value, continue: true });
      return z.NEVER;
    });
};

/** A calendar date as YYYY-MM-DD, or null when empty; a Date (from a spreadsheet) is taken as it is. */
export const isoDate = () =>
  z
    .unknown()
    .optional()
    .transform((value, context) => {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
      if (isEmpty(value)) return null;
      const text = String(value).trim();
      const date = new Date(`${text}T00:00:00Z`);
      if (
        /^\d{4}-\d{2}-\d{2}$/.test(text) &&
        !Number.isNaN(date.getTime()) &&
        date.toISOString().slice(0, 10) === text
      )
        return text;
      context.addIssue({ code: 'custom', message: 'validation.date', input: value, continue: true });
      return z.NEVER;
    });

/** One code of a closed vocabulary (a chain, a demand class, a size). */
export const choice = <const Code extends string>(codes: readonly Code[], messageKey = 'validation.choose') =>
  z
    .unknown()
    .optional()
    .transform((value, context): Code => {
      if ((codes as readonly unknown[]).includes(value)) return value as Code;
      context.addIssue({ code: 'custom', message: messageKey, input: value, continue: true });
      return z.NEVER;
    });

/** A rule's value that must be given: its empty value (null) fails with `messageKey`. */
export const required = <Value>(rule: z.ZodType<Value | null>, messageKey = 'validation.required') =>
  rule.transform((value, context): Value => {
    if (value !== null) return value;
    context.addIssue({ code: 'custom', message: messageKey, input: value, continue: true });
    return z.NEVER;
  });

/** A date that must be given and may not be after `today()` (a visit logged, an agreement reached). */
export const pastDate = (today: () => string, messageKey = 'validation.dateFuture') =>
  required(isoDate()).transform((value, context) => {
    if (value <= today()) return value;
    context.addIssue({ code: 'custom', message: messageKey, input: value, continue: true });
    return z.NEVER;
  });

const RECORD_ID = /^\d{1,9}$/;
const recordIdOf = (value: unknown) => {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  return RECORD_ID.test(text) && Number(text) > 0 ? Number(text) : undefined;
};

/** The id of a record picked in a form (a select's value, the API's number), or null when none is. */
export const recordId = () =>
  z
    .unknown()
    .optional()
    .transform((value, context) => {
      if (isEmpty(value)) return null;
      const id = recordIdOf(value);
      if (id !== undefined) return id;
      context.addIssue({ code: 'custom', message: 'validation.choose', input: value, continue: true });
      return z.NEVER;
    });

/** The id of a record that must be picked (the lead firm, the enterprise served). */
export const chosenId = () => required(recordId(), 'validation.choose');

/**
 * The ids of records ticked in a form (one value or several) or sent as an array, without repeats.
 * A value that is no id is dropped: checkboxes send only the ids the page offered.
 */
export const recordIds = () =>
  z
    .unknown()
    .optional()
    .transform((value) => {
      const values = Array.isArray(value) ? value : isEmpty(value) ? [] : [value];
      return [...new Set(values.map(recordIdOf).filter((id): id is number => id !== undefined))];
    });

/** A checkbox: ticked when the form sends "on", "1" or "true", or the API sends true. */
export const checkbox = () =>
  z
    .unknown()
    .optional()
    .transform((value) => value === true || value === '1' || value === 'on' || value === 'true');

/** Text typed one item a line (or sent as an array): each trimmed, blank lines dropped. */
export const lines = (lineMax: number, countMax: number, tooManyKey: string) =>
  z
    .unknown()
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\r?\n/) : [])
        .map(typedText)
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(lineMax, 'validation.tooLong')).max(countMax, tooManyKey));
