import type { Locale } from '../../services/i18n/index.js';
import { enumLabel } from '../../services/i18n/index.js';
import {
  CHAIN_CODES,
  DEMAND_CLASSES,
  ENTERPRISE_SIZES,
  FACULTY_TITLES,
  IP_STATUSES,
  VISIBILITIES,
  WORK_KINDS,
} from '../../services/shared/enums.js';

const ENUMS = {
  chain: CHAIN_CODES,
  demandClass: DEMAND_CLASSES,
  visibility: VISIBILITIES,
  facultyTitle: FACULTY_TITLES,
  workKind: WORK_KINDS,
  ipStatus: IP_STATUSES,
  enterpriseSize: ENTERPRISE_SIZES,
} as const;

/** Options of a select over one of the domain's enumerations, labelled in the reader's language. */
export function enumOptions(locale: Locale, kind: keyof typeof ENUMS, selected: unknown) {
  return ENUMS[kind].map((code) => ({
    value: code,
    label: enumLabel(locale, kind, code),
    selected: String(selected ?? '') === code,
  }));
}

/** Stored values as a form shows them: numbers and nulls become text, lists one a line. */
export function asFormValues(record: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      value === null || value === undefined ? '' : Array.isArray(value) ? value.join('\n') : String(value),
    ]),
  );
}

/** Typed values as the form should show them again after a failed save (strings only). */
export function keptValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : '']),
  );
}
