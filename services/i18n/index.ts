export {
  areaKeyGaps,
  type Catalogue,
  catalogueKeys,
  enumLabel,
  inBothLanguages,
  isDefined,
  type MessageParams,
  translate,
} from './catalogue.js';
export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locale.js';
