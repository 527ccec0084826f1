import { sql } from 'drizzle-orm';
import request from 'supertest';
import type { Database } from '../../services/db/index.js';
import { schema } from '../../services/db/index.js';
import type { XueqiApp } from '../../web/app.js';
import { portalSession } from '../support/portal-session.js';
import { insertPortalWorld } from '../support/portal-world.js';
import { csrfTokenFor } from '../support/sessions.js';
import type { FuzzRole } from './fuzz-requests.js';
import type { FuzzSession } from './run-fuzz.js';

/** The portal world, a session per role, and a way to put the accounts back after a fuzzed admin's actions. */
export async function prepareFuzzWorld(db: Database, app: XueqiApp) {
  const world = await insertPortalWorld(db);
  const accounts = await db
    .select({ id: schema.users.id, status: schema.users.status, role: schema.users.role })
    .from(schema.users);
  const anonymous = request.agent(app.express);
  const sessions: Record<FuzzRole, FuzzSession> = {
    anonymous: { agent: anonymous, token: await csrfTokenFor(anonymous, '/login') },
    enterprise: await portalSession(app, world.users.enterprise.email),
    university: await portalSession(app, world.users.university.email),
    staff: await portalSession(app, world.users.staff.email),
    admin: await portalSession(app, world.users.admin.email),
  };
  const restore = async () => {
    for (const account of accounts) {
      await db
        .update(schema.users)
        .set({ status: account.status, role: account.role })
        .where(
          sql`${schema.users.id} = ${account.id} and (${schema.users.status} <> ${account.status} or ${schema.users.role} <> ${account.role})`,
        );
    }
  };
  return { world, sessions, restore };
}
