import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, type Locale, translate } from '../services/i18n/index.js';

declare global {
  namespace Express {
    interface Request {
      locale: Locale;
      t: (key: string, params?: Record<string, unknown>) => string;
    }
  }
}

function preferredFromHeader(header: string | undefined): Locale | null {
  if (!header) return null;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('zh')) return 'zh-CN';
  if (first.startsWith('en')) return 'en';
  return null;
}

/** Chinese unless the person chose English (session, then account), or asks for it with ?lang=en. */
export function localeFromRequest(request: Request, response: Response, next: NextFunction): void {
  const asked = request.query.lang;
  if (isLocale(asked)) request.session.locale = asked;
  const chosen = request.session?.locale ?? request.user?.locale;
  const locale: Locale = isLocale(chosen)
    ? chosen
    : request.path.startsWith('/api/')
      ? (preferredFromHeader(request.get('accept-language')) ?? DEFAULT_LOCALE)
      : DEFAULT_LOCALE;
  request.locale = locale;
  request.t = (key, params) => translate(locale, key, params);
  response.locals.locale = locale;
  response.locals.otherLocale = locale === 'en' ? 'zh-CN' : 'en';
  next();
}

/** Longer than any page's address; a longer Location header would overflow clients' header limits. */
const MAX_REDIRECT_PATH = 2_000;

/** Only paths on this site may be a redirect target, never another host. */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' &&
    value.length <= MAX_REDIRECT_PATH &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\')
    ? value
    : fallback;
}
