import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { CsrfError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function matches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

const newToken = () => randomBytes(24).toString('base64url');

/**
 * Synchronizer-token CSRF protection: every form carries the session's token in `_csrf`, every
 * script sends it as X-CSRF-Token, and an unsafe request without it is refused before any handler.
 *
 * A visitor who has no session yet gets a token only when a page actually shows them a form: the
 * page is rendered with a placeholder, and only if the placeholder is in the HTML is a token made
 * (and so a session row written). Reading the stats or the home page writes nothing.
 */
export function csrfProtection(request: Request, response: Response, next: NextFunction): void {
  const session = request.session;
  if (session.csrfToken) response.locals.csrfToken = session.csrfToken;
  else issueTokenWhenAFormIsShown(request, response);
  if (SAFE_METHODS.has(request.method)) return next();
  const given = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.get('x-csrf-token');
  if (!session.csrfToken || !matches(session.csrfToken, given)) return next(new CsrfError());
  next();
}

type RenderCallback = (error: Error | null, html?: string) => void;

function issueTokenWhenAFormIsShown(request: Request, response: Response): void {
  const placeholder = `csrf-pending-${randomBytes(16).toString('hex')}`;
  response.locals.csrfToken = placeholder;
  const render = response.render.bind(response) as (
    view: string,
    options: object | undefined,
    callback: RenderCallback,
  ) => void;
  response.render = ((view: string, options?: object | RenderCallback, callback?: RenderCallback) => {
    const done = typeof options === 'function' ? options : callback;
    const locals = typeof options === 'function' ? undefined : options;
    render(view, locals, (error, html) => {
      if (error || html === undefined) {
        if (done) return done(error);
        return request.next?.(error);
      }
      let page = html;
      if (page.includes(placeholder)) {
        request.session.csrfToken ??= newToken();
        page = page.replaceAll(placeholder, request.session.csrfToken);
      }
      if (done) done(null, page);
      else response.send(page);
    });
  }) as Response['render'];
}
