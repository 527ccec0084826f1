import type { HelperOptions } from 'handlebars';
import {
  AGREEMENT_CHANNEL_LABELS,
  CHAIN_LABELS,
  COLLABORATION_STAGE_LABELS,
  CONSORTIUM_ROLE_LABELS,
  CONSORTIUM_STATUS_LABELS,
  CONSORTIUM_TASK_STATUS_LABELS,
  DECLINE_REASON_LABELS,
  DEMAND_CLASS_LABELS,
  DEMAND_STATUS_LABELS,
  ENTERPRISE_SIZE_LABELS,
  FACULTY_TITLE_LABELS,
  IP_STATUS_LABELS,
  MATCH_STATUS_LABELS,
  PARTNER_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  SERVICE_KIND_LABELS,
  SUPPORT_KIND_LABELS,
  USER_ROLE_LABELS,
  VISIBILITY_LABELS,
  WORK_KIND_LABELS,
} from '../../services/shared/enums.js';
import { isLocale, type Locale, translate } from '../i18n/translate.js';

const ENUM_LABELS: Record<string, Record<string, { zh: string; en: string }>> = {
  chain: CHAIN_LABELS,
  demandClass: DEMAND_CLASS_LABELS,
  demandStatus: DEMAND_STATUS_LABELS,
  visibility: VISIBILITY_LABELS,
  facultyTitle: FACULTY_TITLE_LABELS,
  workKind: WORK_KIND_LABELS,
  enterpriseSize: ENTERPRISE_SIZE_LABELS,
  ipStatus: IP_STATUS_LABELS,
  matchStatus: MATCH_STATUS_LABELS,
  declineReason: DECLINE_REASON_LABELS,
  stage: COLLABORATION_STAGE_LABELS,
  serviceKind: SERVICE_KIND_LABELS,
  role: USER_ROLE_LABELS,
  projectStatus: PROJECT_STATUS_LABELS,
  supportKind: SUPPORT_KIND_LABELS,
  partnerKind: PARTNER_KIND_LABELS,
  consortiumRole: CONSORTIUM_ROLE_LABELS,
  consortiumStatus: CONSORTIUM_STATUS_LABELS,
  consortiumTaskStatus: CONSORTIUM_TASK_STATUS_LABELS,
  agreementChannel: AGREEMENT_CHANNEL_LABELS,
};

function localeOf(options: HelperOptions): Locale {
  const locale = (options.data?.root as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : 'zh-CN';
}

export function enumLabel(locale: Locale, kind: string, code: unknown): string {
  const entry = ENUM_LABELS[kind]?.[String(code)];
  if (!entry) return String(code ?? '');
  return locale === 'en' ? entry.en : entry.zh;
}

/** Every helper the templates may use, registered in one place. Helpers format; they decide nothing. */
export const viewHelpers = {
  t(key: string, options: HelperOptions) {
    return translate(localeOf(options), key, options.hash);
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
    return Number(value ?? 0).toLocaleString(localeOf(options) === 'en' ? 'en-US' : 'zh-CN');
  },
  join: (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : '、') : '',
};
