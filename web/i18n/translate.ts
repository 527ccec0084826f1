import { noticeMessages } from '../../services/notifications/index.js';
import { accountsMessages } from './messages/accounts.js';
import { adminMessages } from './messages/admin.js';
import { chokepointMessages } from './messages/chokepoint.js';
import { consentMessages } from './messages/consent.js';
import { coreMessages } from './messages/core.js';
import { hardeningMessages } from './messages/hardening.js';
import { librariesMessages } from './messages/libraries.js';
import { listsMessages } from './messages/lists.js';
import { portalMessages } from './messages/portal.js';
import { rankingMessages } from './messages/ranking.js';
import { staffMessages } from './messages/staff.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Catalogue = Readonly<Record<string, string>>;
type MessageArea = Record<Locale, Catalogue>;

/**
 * Messages live in one file per area of the portal (each holding both languages side by side,
 * so a new string is written in Chinese and English at once); here they become two catalogues.
 */
const AREAS: MessageArea[] = [
  coreMessages,
  portalMessages,
  staffMessages,
  adminMessages,
  listsMessages,
  chokepointMessages,
  consentMessages,
  rankingMessages,
  accountsMessages,
  noticeMessages,
  librariesMessages,
  hardeningMessages,
];

const CATALOGUES: Record<Locale, Catalogue> = {
  'zh-CN': Object.assign({}, ...AREAS.map((area) => area['zh-CN'])),
  en: Object.assign({}, ...AREAS.map((area) => area.en)),
};

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

/** Each area on its own must be complete in both languages. */
export function areaKeyGaps(): string[] {
  const gaps: string[] = [];
  for (const area of AREAS) {
    const zh = Object.keys(area['zh-CN']);
    const en = Object.keys(area.en);
    gaps.push(...zh.filter((key) => !(key in area.en)).map((key) => `en lacks ${key}`));
    gaps.push(...en.filter((key) => !(key in area['zh-CN'])).map((key) => `zh-CN lacks ${key}`));
  }
  return gaps;
}
