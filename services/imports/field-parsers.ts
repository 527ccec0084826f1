import { enumLabel } from '../i18n/index.js';
import type { ProblemCode } from './messages.js';
import { type Cell, cellText, isFault } from './read/sheet.types.js';
import { cleanText, normalizeKey, splitList } from './text-normalization.js';

export type ParseResult =
  | { value: unknown }
  | { problem: ProblemCode; params?: Record<string, string | number> };

/** Turns one non-blank cell into a field value, or names the problem. */
export type FieldParser = (cell: Exclude<Cell, null>) => ParseResult;

type Labels = Readonly<Record<string, { zh: string; en: string }>>;

/** An enumeration's codes with their labels in both languages, from the catalogue. */
function labelsOf(kind: string, codes: readonly string[]): Labels {
  return Object.fromEntries(
    codes.map((code) => [code, { zh: enumLabel('zh-CN', kind, code), en: enumLabel('en', kind, code) }]),
  );
}

/** Our exports guard text a spreadsheet would run as a formula with an apostrophe; take it off again. */
function withoutFormulaGuard(text: string): string {
  return text.replace(/^'(?=[=+\-@\t\r])/, '');
}

export function textParser(): FieldParser {
  return (cell) => ({ value: withoutFormulaGuard(cleanText(cellText(cell))) });
}

export function listParser(): FieldParser {
  return (cell) => ({ value: splitList(cellText(cell)) });
}

/**
 * One of a closed vocabulary, given as its code, its Chinese or English label, or a short form people
 * use ("卡脖子" for 卡脖子技术). Trailing "产业链"/"创新链" is dropped, so "碳纤维复合材料产业链" still reads.
 */
export function choiceParser(
  kind: string,
  codes: readonly string[],
  shortForms: Record<string, string[]> = {},
): FieldParser {
  const labels = labelsOf(kind, codes);
  const lookup = choiceLookup(labels, shortForms);
  const allowedZh = Object.values(labels)
    .map((label) => label.zh)
    .join('、');
  const allowedEn = Object.values(labels)
    .map((label) => label.en)
    .join(', ');
  return (cell) => {
    const text = cellText(cell);
    const code = lookup(text);
    return code === null
      ? { problem: 'invalid_choice', params: { value: text, allowedZh, allowedEn } }
      : { value: code };
  };
}

export function choiceListParser(
  kind: string,
  codes: readonly string[],
  shortForms: Record<string, string[]> = {},
): FieldParser {
  const single = choiceParser(kind, codes, shortForms);
  return (cell) => {
    const codes: string[] = [];
    for (const item of splitList(cellText(cell))) {
      const parsed = single(item);
      if ('problem' in parsed) return parsed;
      if (!codes.includes(parsed.value as string)) codes.push(parsed.value as string);
    }
    return { value: codes };
  };
}

export function choiceLookup(
  labels: Labels,
  shortForms: Record<string, string[]>,
): (text: string) => string | null {
  const byName = new Map<string, string>();
  for (const [code, label] of Object.entries(labels)) {
    for (const name of [code, label.zh, label.en, ...(shortForms[code] ?? [])])
      byName.set(normalizeKey(name), code);
  }
  return (text) => {
    const key = normalizeKey(text);
    return byName.get(key) ?? byName.get(key.replace(/(产业链|创新链)$/, '')) ?? null;
  };
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有', '博导', '是博导']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', 'x', '✗', '无', '不是']);

export function booleanParser(): FieldParser {
  return (cell) => {
    if (typeof cell === 'boolean') return { value: cell };
    const key = normalizeKey(cellText(cell));
    if (YES.has(key)) return { value: true };
    if (NO.has(key)) return { value: false };
    return { problem: 'invalid_boolean', params: { value: cellText(cell) } };
  };
}

export function integerParser(min: number, max: number): FieldParser {
  return (cell) => {
    const text = normalizeKey(cellText(cell)).replace(/^trl\s*/, '');
    const value = typeof cell === 'number' ? cell : /^-?\d+(\.0+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      return { problem: 'invalid_integer', params: { value: cellText(cell), min, max } };
    }
    return { value };
  };
}

/** Excel counts days from 1899-12-30; serials in this range are the years 1954 to 2119. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const PLAUSIBLE_SERIALS = [20_000, 80_000] as const;

/** An ISO date (YYYY-MM-DD) from a date cell, an Excel serial, or text in the common Chinese forms. */
export function dateParser(): FieldParser {
  return (cell) => {
    if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
    if (typeof cell === 'number' && cell >= PLAUSIBLE_SERIALS[0] && cell <= PLAUSIBLE_SERIALS[1]) {
      return { value: new Date(EXCEL_EPOCH_MS + Math.round(cell) * 86_400_000).toISOString().slice(0, 10) };
    }
    const text = cellText(cell);
    const iso = parseDateText(text);
    return iso ? { value: iso } : { problem: 'invalid_date', params: { value: text } };
  };
}

export function parseDateText(text: string): string | null {
  const normalized = text.normalize('NFKC').trim();
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(
      normalized,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(normalized);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

export interface BudgetRange {
  min: number | null;
  max: number | null;
}

/** "50-200", "50~200", "50至200", "100" (exactly), "50-" (at least), "-200" (at most), "面议" (open). */
export function budgetParser(): FieldParser {
  return (cell) => {
    if (typeof cell === 'number') {
      return Number.isInteger(cell) && cell >= 0
        ? { value: { min: cell, max: cell } }
        : { problem: 'invalid_budget', params: { value: String(cell) } };
    }
    const text = cellText(cell);
    const normalized = text.normalize('NFKC').replace(/\s|万元|万/g, '');
    if (normalized === '面议' || normalized === '待定') return { value: { min: null, max: null } };
    const match = /^(\d+)?(?:([-~〜—–至到])(\d+)?)?$/.exec(normalized);
    if (!match || (match[1] === undefined && match[3] === undefined)) {
      return { problem: 'invalid_budget', params: { value: text } };
    }
    const min = match[1] === undefined ? null : Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === undefined ? null : Number(match[3]);
    return { value: { min, max } };
  };
}

export function faultProblem(cell: Cell): ParseResult | null {
  if (!isFault(cell)) return null;
  return cell.fault === 'formula_without_result'
    ? { problem: 'formula_without_result' }
    : { problem: 'cell_error', params: { value: cell.value } };
}
