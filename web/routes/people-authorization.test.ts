import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertPortalWorld } from '../../test/support/portal-world.js';

const ROLES = ['anonymous', 'enterprise', 'university', 'staff', 'admin'] as const;
type Role = (typeof ROLES)[number];

// An anonymous POST carries no CSRF token, so it is refused (403) before any route.
//                                                    anon  ent  uni  staff admin
const CASES: { method: 'get' | 'post'; path: string; body?: Record<string, string>; expected: number[] }[] = [
  { method: 'get', path: '/invitations', expected: [302, 403, 403, 200, 200] },
  {
    method: 'post',
    path: '/invitations/bulk/preview',
    body: { kind: 'faculty' },
    expected: [403, 403, 403, 200, 200],
  },
  {
    method: 'post',
    path: '/invitations/addresses/preview',
    body: { kind: 'staff', addresses: 'x@example.com' },
    expected: [403, 403, 403, 200, 200],
  },
  { method: 'get', path: '/admin/mail', expected: [302, 403, 403, 403, 200] },
  { method: 'get', path: '/notifications', expected: [302, 200, 200, 200, 200] },
  { method: 'get', path: '/notifications/settings', expected: [302, 200, 200, 200, 200] },
  { method: 'get', path: '/account', expected: [302, 200, 200, 200, 200] },
  { method: 'get', path: '/password/forgot', expected: [200, 200, 200, 200, 200] },
];

describeEachDatabase('who may use the invitation, notice and mail pages', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  const sessions = {} as Record<Exclude<Role, 'anonymous'>, PortalSession>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const world = await insertPortalWorld(database.db);
    app = await createTestApp(database);
    sessions.enterprise = await portalSession(app, world.users.enterprise.email);
    sessions.university = await portalSession(app, world.users.university.email);
    sessions.staff = await portalSession(app, world.users.staff.email);
    sessions.admin = await portalSession(app, world.users.admin.email);
  });
  afterAll(async () => {
    await app.matching.stop();
    await database.dispose();
  });

  it.each(CASES)('$method $path', async ({ method, path, body, expected }) => {
    for (const [index, role] of ROLES.entries()) {
      const response =
        role === 'anonymous'
          ? await request(app.express)[method](path)
          : method === 'get'
            ? await sessions[role].agent.get(path)
            : await sessions[role].post(path, body);
      expect({ role, status: response.status }).toEqual({ role, status: expected[index] });
    }
  });
});
