import { eq, sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { schema } from '../services/db/index.js';
import { createTestApp, type TestApp } from '../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../test/support/databases.js';
import { FIXTURE_PASSWORD, insertSmallWorld, insertUser } from '../test/support/fixtures.js';
import { csrfTokenIn, logInAs } from '../test/support/sessions.js';

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

  /** Logs in through the form and returns the session cookie, to replay by hand. */
  const signedInCookie = async (express: TestApp['express']) => {
    const login = await request(express).get('/login');
    const anonymous = login.headers['set-cookie']![0]!.split(';')[0]!;
    const response = await request(express)
      .post('/login')
      .set('cookie', anonymous)
      .type('form')
      .send({ email: 'firm@example.com', password: FIXTURE_PASSWORD, _csrf: csrfTokenIn(login.text) });
    expect(response.status).toBe(302);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((line) => line.startsWith('xueqi.sid='))!;
    return cookie.split(';')[0]!;
  };

  it('ends a session on logout in every process: the cookie replayed on another app finds no one', async () => {
    const other = await createTestApp(database);
    try {
      const cookie = await signedInCookie(app.express);
      const page = await request(other.express).get('/demands/mine').set('cookie', cookie).expect(200);
      const logout = await request(app.express)
        .post('/logout')
        .set('cookie', cookie)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text) });
      expect(logout.status).toBe(302);
      expect(String(logout.headers['set-cookie'])).toMatch(/xueqi\.sid=;/);
      for (const express of [app.express, other.express]) {
        const replayed = await request(express).get('/demands/mine').set('cookie', cookie);
        expect(replayed.status).toBe(302);
        expect(replayed.headers.location).toMatch(/^\/login/);
      }
    } finally {
      await other.matching.stop();
    }
  });

  it("refuses a session cookie whose signature is not this secret's", async () => {
    const cookie = await signedInCookie(app.express);
    await request(app.express).get('/demands/mine').set('cookie', cookie).expect(200);
    const forged = cookie.replace(/(xueqi\.sid=s%3A[^.]+\.).+/, '$1AAAA');
    expect(forged).not.toBe(cookie);
    const response = await request(app.express).get('/demands/mine').set('cookie', forged);
    expect(response.status).toBe(302);
  });

  it('sends the session cookie httpOnly and sameSite=lax, and Secure only over HTTPS in production', async () => {
    const page = await request(app.express).get('/login').expect(200);
    const cookie = page.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/);
    const production = await createTestApp(database, {
      env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), TRUSTED_PROXIES: 'loopback' },
    });
    try {
      const overHttps = await request(production.express).get('/login').set('x-forwarded-proto', 'https');
      expect(overHttps.headers['set-cookie']![0]).toMatch(/; Secure/);
      const overHttp = await request(production.express).get('/login');
      expect(overHttp.headers['set-cookie']).toBeUndefined();
    } finally {
      await production.matching.stop();
    }
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
