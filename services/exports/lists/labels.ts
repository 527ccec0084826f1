import { type Locale, translate } from '../../i18n/index.js';

export function yesNo(value: boolean, locale: Locale): string {
  return translate(locale, value ? 'export.yes' : 'export.no');
}

/** A column's own bilingual label from an import kind's definition, in the reader's language. */
export function pick(locale: Locale, text: { zh: string; en: string }): string {
  return locale === 'en' ? text.en : text.zh;
}
