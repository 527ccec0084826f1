import type { HelperOptions } from 'handlebars';
import { DEFAULT_LOCALE, enumLabel, isLocale, type Locale, translate } from '../../services/i18n/index.js';

function localeOf(options: HelperOptions): Locale {
  const locale = (options.data?.root as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** One formatter per language: toLocaleString builds a new one on every call. */
const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US'),
  'zh-CN': new Intl.NumberFormat('zh-CN'),
};

/** Every helper the templates may use, registered in one place. Helpers format; they decide nothing. */
export const viewHelpers = {
  /** (t key) or (t key params): params as named arguments, or an object such as a flash's. */
  t(key: string, ...rest: unknown[]) {
    const options = rest.pop() as HelperOptions;
    const params = rest[0] && typeof rest[0] === 'object' ? (rest[0] as Record<string, unknown>) : {};
    return translate(localeOf(options), key, { ...params, ...options.hash });
  },
  label(kind: string, code: unknown, options: HelperOptions) {
    return enumLabel(localeOf(options), kind, code);
  },
  eq: (left: unknown, right: unknown) => String(left) === String(right),
  /** Builds a message key from parts, e.g. (concat "lists.action." action). */
  concat: (...parts: unknown[]) => parts.slice(0, -1).map(String).join(''),
  includes: (list: unknown, value: unknown) =>
    Array.isArray(list) && list.map(String).includes(String(value)),
  percent: (share: unknown) => `${Math.round(Number(share) * 100)}%`,
  fixed: (value: unknown, digits: unknown) => Number(value).toFixed(typeof digits === 'number' ? digits : 2),
  date(value: unknown) {
    if (!value) return '';
    const date = value instanceof Date ? value : new Date(String(value));
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10);
  },
  number(value: unknown, options: HelperOptions) {
    return NUMBER_FORMATS[localeOf(options)].format(Number(value ?? 0));
  },
  join: (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : '、') : '',
};
