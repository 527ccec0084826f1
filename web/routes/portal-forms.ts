import type { Request } from 'express';
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
import { NotFoundError } from '../../services/shared/errors.js';

/** A path id: anything but a plain positive integer is an unknown page, never a server error. */
export function idParam(request: Request, name = 'id'): number {
  const value = request.params[name];
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) === 0)
    throw new NotFoundError('no such record');
  return Number(value);
}

/** The form body as a plain record, with the CSRF token left out so it is never echoed back. */
export function formBody(request: Request): Record<string, unknown> {
  const { _csrf, ...body } = (request.body ?? {}) as Record<string, unknown>;
  return body;
}

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
