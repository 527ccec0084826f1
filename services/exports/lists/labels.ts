import type { Locale } from '../../imports/index.js';

type Labels = Readonly<Record<string, { zh: string; en: string }>>;

/** A code's label in the reader's language; an unknown code is shown as it is rather than hidden. */
export function labelOf(labels: Labels, code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  const label = labels[code];
  if (!label) return code;
  return locale === 'en' ? label.en : label.zh;
}

export function yesNo(value: boolean, locale: Locale): string {
  if (locale === 'en') return value ? 'yes' : 'no';
  return value ? '是' : '否';
}

export function pick(locale: Locale, text: { zh: string; en: string }): string {
  return locale === 'en' ? text.en : text.zh;
}
