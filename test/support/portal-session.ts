import type { XueqiApp } from '../../web/app.js';
import { FIXTURE_PASSWORD } from './fixtures.js';
import { type Agent, csrfTokenFor, logInAs } from './sessions.js';

/** A logged-in browser-like session that knows its CSRF token, for posting forms and calling the API. */
export interface PortalSession {
  agent: Agent;
  token: string;
  post(path: string, fields?: Record<string, unknown>): ReturnType<Agent['post']>;
}

export async function portalSession(app: XueqiApp, email: string, locale?: 'en'): Promise<PortalSession> {
  const agent = await logInAs(app, email, FIXTURE_PASSWORD);
  const token = await csrfTokenFor(agent, locale ? `/?lang=${locale}` : '/');
  return {
    agent,
    token,
    post: (path, fields = {}) =>
      agent
        .post(path)
        .type('form')
        .send({ ...fields, _csrf: token }),
  };
}
