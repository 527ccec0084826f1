import type { NextFunction, Request, Response } from 'express';

type Middleware = (request: Request, response: Response, next: (error?: unknown) => void) => void;

/**
 * The headers a middleware sets that are the same on every response (helmet's, here), worked out
 * once: helmet otherwise rebuilds the Content-Security-Policy string on every request.
 */
export function staticHeaders(middleware: Middleware) {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
    },
    removeHeader() {},
    getHeader() {
      return undefined;
    },
  };
  let failed: unknown = null;
  middleware({} as Request, recorder as unknown as Response, (error) => {
    failed = error ?? null;
  });
  if (failed) throw failed;
  if (headers.length === 0) throw new Error('the middleware set no headers');
  return (_request: Request, response: Response, next: NextFunction): void => {
    for (const [name, value] of headers) response.setHeader(name, value);
    next();
  };
}
