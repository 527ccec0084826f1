import type { Request } from 'express';
import { NotFoundError } from '../../services/shared/errors.js';

/** A record's id from the URL or a form: anything but a plain positive integer names no record, so 404. */
export function recordId(value: unknown): number {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) throw new NotFoundError('no such record');
  return Number(text);
}

/** The id in the path parameter `name` (`:id` unless told). */
export function idParam(request: Request, name = 'id'): number {
  return recordId(request.params[name]);
}

/** The form body as a plain record, with the CSRF token left out so it is never echoed back. */
export function formBody(request: Request): Record<string, unknown> {
  const { _csrf, ...body } = (request.body ?? {}) as Record<string, unknown>;
  return body;
}
