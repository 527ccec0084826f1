import { eq, sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { schema } from '../services/db/index.js';
import { createTestApp, type TestApp } from '../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../test/support/databases.js';
import { FIXTURE_PASSWORD, insertSmallWorld, insertUser } from '../test/support/fixtures.js';
import { logInAs } from '../test/support/sessions.js';

describeEachDatabase('session rows only when there is something to keep', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: Awaited<ReturnType<typeof insertSmallWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertSmallWorld(database.db);
    await insertUser(database.db, {
      email: 'firm@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    });
    app = await createTestApp(database);
  });
  afterAll(() => app.stop());
  afterEach(() => vi.useRealTimers());

  const sessionRows = async () => (await database.db.select().from(schema.sessions)).length;

  it('writes no row and sets no cookie for visitors who only read', async () => {
    const before = await sessionRows();
    for (let index = 0; index < 30; index++) {
      for (const path of ['/api/v1/stats', '/', '/demands?q=碳纤维', '/experts', '/healthz']) {
        const response = await request(app.express).get(path);
        expect(response.status).toBe(200);
        expect(response.headers['set-cookie']).toBeUndefined();
      }
    }
    expect(await sessionRows()).toBe(before);
  });

  it('writes one row when a form is shown to a visitor, for its CSRF token', async () => {
    const before = await sessionRows();
    const page = await request(app.express).get('/login');
    expect(page.headers['set-cookie']?.[0]).toMatch(/^xueqi\.sid=/);
    expect(page.text).toMatch(/name="_csrf" value="[\w-]{32}"/);
    expect(page.text).not.toContain('csrf-pending');
    expect(await sessionRows()).toBe(before + 1);
  });

  it('rewrites a signed-in session row at most once a minute, not on every request', async () => {
    const agent = await logInAs(app, 'firm@example.com', FIXTURE_PASSWORD);
    const rows = await database.db.select().from(schema.sessions);
    const signedIn = rows.find((row) => JSON.stringify(row.data).includes('"passport"'))!;
    const expiresAt = () =>
      database.db
        .select({ expiresAt: schema.sessions.expiresAt })
        .from(schema.sessions)
        .where(eq(schema.sessions.sid, signedIn.sid))
        .then(([row]) => row!.expiresAt.getTime());
    // The first page after login stores the new session's CSRF token: a real change, so a write.
    await agent.get('/demands').expect(200);
    const first = await expiresAt();
    for (let index = 0; index < 10; index++) await agent.get('/demands').expect(200);
    expect(await expiresAt()).toBe(first);
    // Two minutes on, the next request slides the expiry along.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60 * 1000 });
    await agent.get('/demands').expect(200);
    expect(await expiresAt()).toBeGreaterThan(first + 60 * 1000);
  });

  it('reads the user and the bell with the session on every request: a new notice shows at once, a disabled account is signed out at once', async () => {
    await insertUser(database.db, {
      email: 'bell@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    });
    const agent = await logInAs(app, 'bell@example.com', FIXTURE_PASSWORD);
    const [user] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, 'bell@example.com'));
    const bell = async () => /data-unread="(\d*)"/.exec((await agent.get('/demands').expect(200)).text)?.[1];
    expect(await bell()).toBe('0');
    await database.db.insert(schema.notifications).values([
      { userId: user!.id, kind: 'interest_in_demand', link: '/demands' },
      { userId: user!.id, kind: 'interest_in_demand', link: '/demands' },
    ]);
    expect(await bell()).toBe('2');
    await database.db.update(schema.users).set({ status: 'disabled' }).where(eq(schema.users.id, user!.id));
    const after = await agent.get('/notifications');
    expect(after.status).toBe(302);
    expect(after.headers.location).toMatch(/^\/login/);
  });

  it('purges expired rows', async () => {
    await database.db.insert(schema.sessions).values({
      sid: 'long-gone',
      data: { cookie: {} },
      expiresAt: sql`now() - interval '1 day'` as unknown as Date,
    });
    // The sweep runs with the first write of a process (then hourly): a fresh app's first form.
    const fresh = await createTestApp(database);
    await request(fresh.express).get('/login').expect(200);
    await vi.waitFor(async () => {
      const gone = await database.db
        .select()
        .from(schema.sessions)
        .where(eq(schema.sessions.sid, 'long-gone'));
      expect(gone).toEqual([]);
    });
    await fresh.matching.stop();
  });
});
