import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Catalogue = Readonly<Record<string, string>>;
const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The one translation function. `{name}` placeholders are filled from params. A missing key shows
 * itself (never a blank) so a gap in a catalogue is seen, and the catalogue test catches it first.
 */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(CATALOGUES[locale]);
}
