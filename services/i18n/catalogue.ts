import i18next, { type Resource } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.js';
import { accountsMessages } from './messages/accounts.js';
import { adminMessages } from './messages/admin.js';
import { chokepointMessages } from './messages/chokepoint.js';
import { consentMessages } from './messages/consent.js';
import { coreMessages } from './messages/core.js';
import { enumMessages } from './messages/enums.js';
import { explanationMessages } from './messages/explanations.js';
import { exportMessages } from './messages/exports.js';
import { hardeningMessages } from './messages/hardening.js';
import { importMessages } from './messages/imports.js';
import { librariesMessages } from './messages/libraries.js';
import { listsMessages } from './messages/lists.js';
import { noticeMessages } from './messages/notices.js';
import { portalMessages } from './messages/portal.js';
import { rankingMessages } from './messages/ranking.js';
import { staffMessages } from './messages/staff.js';

export type Catalogue = Readonly<Record<string, string>>;
type MessageArea = Record<Locale, Catalogue>;
export type MessageParams = Record<string, unknown>;

/**
 * Messages live in one file per area (each holding both languages side by side, so a new string is
 * written in Chinese and English at once); here they become one catalogue per language.
 */
const AREAS: Record<string, MessageArea> = {
  core: coreMessages,
  portal: portalMessages,
  staff: staffMessages,
  admin: adminMessages,
  lists: listsMessages,
  chokepoint: chokepointMessages,
  consent: consentMessages,
  ranking: rankingMessages,
  accounts: accountsMessages,
  notices: noticeMessages,
  libraries: librariesMessages,
  hardening: hardeningMessages,
  enums: enumMessages,
  imports: importMessages,
  exports: exportMessages,
  explanations: explanationMessages,
};

const CATALOGUES = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...Object.values(AREAS).map((area) => area[locale]))]),
) as Record<Locale, Catalogue>;

/**
 * One i18next instance, initialised synchronously from the in-memory catalogues (no backend, so
 * `initAsync: false` makes it ready before the first request). Keys are flat names with dots, so
 * neither dots nor colons separate anything; placeholders keep the catalogue's `{name}` form, and
 * a placeholder without a value stays visible rather than turning blank. Values are not escaped
 * here: Handlebars escapes what it prints, mails and spreadsheets are not HTML.
 */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: Object.fromEntries(
    LOCALES.map((locale) => [locale, { translation: CATALOGUES[locale] }]),
  ) as Resource,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false, skipOnVariables: true },
});

/**
 * The one translation function. A number in `count` chooses the plural form (`key_one`,
 * `key_other`; Chinese has only `_other`). A missing key shows itself, never a blank, so a gap is
 * seen, and the catalogue tests catch it first.
 */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  // Most calls (a template's labels, headings, buttons) pass no value: their text never changes
  // while the process runs, so it is worded once. i18next costs microseconds a call, and a page
  // makes hundreds of them.
  if (hasValues(params)) return translateWithValues(locale, key, params);
  // Only catalogue keys are kept: a key built from data stays out, so the map cannot grow past the catalogue.
  if (!(key in CATALOGUES[locale])) return translateNow(locale, key, params);
  const known = WORDED[locale].get(key);
  if (known !== undefined) return known;
  const text = translateNow(locale, key, params);
  WORDED[locale].set(key, text);
  return text;
}

function hasValues(params: MessageParams): boolean {
  for (const _ in params) return true;
  return false;
}

/** Messages without values, worded once per language (the catalogue is fixed at start-up). */
const WORDED = Object.fromEntries(LOCALES.map((locale) => [locale, new Map<string, string>()])) as Record<
  Locale,
  Map<string, string>
>;

/** The values a kept message may hold (and null): what JSON says as the message would. */
const PLAIN_TYPES = new Set(['string', 'number', 'boolean', 'undefined']);

/** How many messages with values each language keeps: a page's counts and days recur across views. */
const WORDED_WITH_VALUES_KEPT = 2_000;
const WORDED_WITH_VALUES = Object.fromEntries(
  LOCALES.map((locale) => [locale, new Map<string, string>()]),
) as Record<Locale, Map<string, string>>;

/**
 * A message is a function of its key and plain values alone, so the last ones asked are kept: every
 * page's bell says its count, every queue row its days. The oldest goes first, so values that
 * never recur (a name, a search) cannot grow the map.
 */
function translateWithValues(locale: Locale, key: string, params: MessageParams): string {
  // A date or an object could be worded otherwise than its JSON says: those are worded each time.
  for (const name in params) {
    const value = params[name];
    if (value !== null && !PLAIN_TYPES.has(typeof value)) return translateNow(locale, key, params);
  }
  const kept = WORDED_WITH_VALUES[locale];
  const memoKey = `${key}\u0000${JSON.stringify(params)}`;
  const known = kept.get(memoKey);
  if (known !== undefined) return known;
  const text = translateNow(locale, key, params);
  if (kept.size >= WORDED_WITH_VALUES_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(memoKey, text);
  return text;
}

function translateNow(locale: Locale, key: string, params: MessageParams): string {
  // Templates may hand a count over as text; a number-like one still chooses the form.
  const count =
    typeof params.count === 'number' || (typeof params.count === 'string' && /^\d+$/.test(params.count))
      ? Number(params.count)
      : undefined;
  // Values travel in `replace`, so a parameter named like an i18next option (lng, ns, context) stays a value.
  // The catalogue never nests one message in another, so a value with "$t(" in it stays text.
  return i18n.t(key, {
    lng: locale,
    replace: params,
    nest: false,
    ...(count === undefined ? {} : { count }),
  });
}

/** A code's label in the reader's language; an unknown code is shown as it is rather than hidden. */
export function enumLabel(locale: Locale, kind: string, code: unknown): string {
  if (code === null || code === undefined || code === '') return '';
  const key = `enum.${kind}.${String(code)}`;
  return key in CATALOGUES[locale] ? translate(locale, key) : String(code);
}

/**
 * A message in both languages at once, for what must recognise either (an import's headers are read
 * in Chinese or English, whatever the reader's language).
 */
export function inBothLanguages(key: string): { zh: string; en: string } {
  return { zh: translate('zh-CN', key), en: translate('en', key) };
}

export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(CATALOGUES[locale]);
}

/** True when a key, or any plural form of it, is defined in the locale's catalogue. */
export function isDefined(locale: Locale, key: string): boolean {
  const catalogue = CATALOGUES[locale];
  return key in catalogue || `${key}_other` in catalogue;
}

/** A key without its plural suffix: `x_one` and `x_other` are both `x`. */
function pluralBase(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

/**
 * Keys one language has and the other lacks, area by area. Plural forms are compared by their base
 * key, since English has `_one` and `_other` where Chinese has one form; a language that gives any
 * plural form of a key must give its `_other`, the form every count falls back to.
 */
export function areaKeyGaps(): string[] {
  const gaps: string[] = [];
  for (const [name, area] of Object.entries(AREAS)) {
    for (const [locale, other] of [
      ['zh-CN', 'en'],
      ['en', 'zh-CN'],
    ] as const) {
      const theirs = new Set(Object.keys(area[other]).map(pluralBase));
      for (const key of Object.keys(area[locale])) {
        if (!theirs.has(pluralBase(key))) gaps.push(`${name}: ${other} lacks ${key}`);
        if (key !== pluralBase(key) && !(`${pluralBase(key)}_other` in area[locale])) {
          gaps.push(`${name}: ${locale} has ${key} but no ${pluralBase(key)}_other`);
        }
      }
    }
  }
  return gaps;
}
