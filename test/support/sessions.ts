import request from 'supertest';
import type { XueqiApp } from '../../web/app.js';

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token a page's forms carry, read the way a browser would find it. */
export function csrfTokenIn(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

export async function csrfTokenFor(agent: Agent, path = '/login'): Promise<string> {
  const page = await agent.get(path);
  return csrfTokenIn(page.text);
}

/** Logs in through the real form and Passport flow; the agent keeps the session cookie. */
export async function logInAs(app: XueqiApp, email: string, password: string): Promise<Agent> {
  const agent = request.agent(app.express);
  const token = await csrfTokenFor(agent);
  const response = await agent.post('/login').type('form').send({ email, password, _csrf: token });
  if (response.status !== 302) throw new Error(`login as ${email} failed with ${response.status}`);
  return agent;
}
