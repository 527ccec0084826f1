import { and, eq, like } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, schema } from '../../services/db/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { FIXTURE_PASSWORD, insertSmallWorld, insertUser } from '../../test/support/fixtures.js';
import { type Agent, csrfTokenFor, logInAs } from '../../test/support/sessions.js';

/** Two failures per account and address are free; then 1 s, 2 s, 4 s … Twenty per account from anywhere. */
const LOGIN_LIMIT = 2;
const BEHIND_PROXY = { TRUSTED_PROXIES: 'loopback' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase(
  'login limits shared by processes, surviving restarts, never locking the owner out',
  (kind) => {
    let database: TestDatabase;
    /** The second process's own connection to the same database (the same handle on PGlite, which is in-process). */
    let second: DatabaseHandle;
    const apps: TestApp[] = [];
    const started = async (handle: DatabaseHandle, env: NodeJS.ProcessEnv = BEHIND_PROXY) => {
      const app = await createTestApp(handle, { loginLimit: LOGIN_LIMIT, env });
      apps.push(app);
      return app;
    };

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      second = database.url ? await openDatabase({ driver: 'postgres', url: database.url }) : database;
      const world = await insertSmallWorld(database.db);
      for (const email of [
        'victim@example.com',
        'owner@example.com',
        'spread@example.com',
        'rotate@example.com',
      ])
        await insertUser(database.db, { email, role: 'enterprise', enterpriseId: world.enterprise.id });
      await insertUser(database.db, { email: 'admin@example.gov.cn', role: 'admin' });
    });
    afterAll(async () => {
      for (const app of apps) await app.matching.stop();
      if (second !== database) await second.close();
      await database.dispose();
    });

    async function tryLogin(agent: Agent, email: string, password: string, from: string | null) {
      const token = await csrfTokenFor(agent);
      const call = agent.post('/login').type('form');
      if (from) call.set('X-Forwarded-For', from);
      return call.send({ email, password, _csrf: token });
    }

    it('counts failures in one process that another process sees, with growing delays, through a restart', async () => {
      const first = await started(database);
      const other = await started(second);
      const onFirst = request.agent(first.express);
      const onOther = request.agent(other.express);
      const from = '203.0.113.10';
      expect((await tryLogin(onFirst, 'victim@example.com', 'wrong-1', from)).status).toBe(401);
      expect((await tryLogin(onOther, 'victim@example.com', 'wrong-2', from)).status).toBe(401);
      // Two failures: the pair now waits 1 s, in either process.
      const waiting = await tryLogin(onFirst, 'victim@example.com', FIXTURE_PASSWORD, from);
      expect(waiting.status).toBe(429);
      expect(Number(waiting.headers['retry-after'])).toBe(1);
      await sleep(1_100);
      expect((await tryLogin(onOther, 'victim@example.com', 'wrong-3', from)).status).toBe(401);
      const longer = await tryLogin(onFirst, 'victim@example.com', 'wrong-4', from);
      expect(longer.status).toBe(429);
      expect(Number(longer.headers['retry-after'])).toBe(2);
      expect(longer.text).toContain('秒后再试');

      // A restart: a new process with a new connection still sees the wait.
      const restartedHandle = database.url
        ? await openDatabase({ driver: 'postgres', url: database.url })
        : database;
      const restarted = await started(restartedHandle);
      const afterRestart = await tryLogin(
        request.agent(restarted.express),
        'victim@example.com',
        'wrong-5',
        from,
      );
      expect(afterRestart.status).toBe(429);
      if (restartedHandle !== database) await restartedHandle.close();
    });

    it('lets the owner in from their own address while an attacker is held back on another', async () => {
      const app = await started(database);
      const attacker = request.agent(app.express);
      for (let attempt = 0; attempt < 4; attempt++)
        await tryLogin(attacker, 'owner@example.com', 'guess', '198.51.100.66');
      expect((await tryLogin(attacker, 'owner@example.com', FIXTURE_PASSWORD, '198.51.100.66')).status).toBe(
        429,
      );
      const owner = await tryLogin(
        request.agent(app.express),
        'owner@example.com',
        FIXTURE_PASSWORD,
        '192.0.2.7',
      );
      expect(owner.status).toBe(302);
    });

    it('holds back unknown devices when many addresses guess one account, but not a device the owner used before', async () => {
      const app = await started(database);
      const ownersBrowser = request.agent(app.express);
      expect(
        (await tryLogin(ownersBrowser, 'spread@example.com', FIXTURE_PASSWORD, '192.0.2.50')).status,
      ).toBe(302);
      await ownersBrowser
        .post('/logout')
        .type('form')
        .send({ _csrf: await csrfTokenFor(ownersBrowser, '/') });
      // Twenty failures from ten addresses: every pair stays at its free attempts, the account does not.
      for (let address = 1; address <= 10; address++)
        for (let attempt = 0; attempt < LOGIN_LIMIT; attempt++)
          await tryLogin(
            request.agent(app.express),
            'spread@example.com',
            'guess',
            `203.0.113.${100 + address}`,
          );
      const stranger = await tryLogin(
        request.agent(app.express),
        'spread@example.com',
        FIXTURE_PASSWORD,
        '192.0.2.99',
      );
      expect(stranger.status).toBe(429);
      const known = await tryLogin(ownersBrowser, 'spread@example.com', FIXTURE_PASSWORD, '192.0.2.99');
      expect(known.status).toBe(302);
    });

    it('ignores X-Forwarded-For unless the proxy is trusted, so rotating it earns no fresh attempts', async () => {
      const app = await started(database, {});
      const agent = request.agent(app.express);
      for (let attempt = 0; attempt < LOGIN_LIMIT; attempt++)
        expect(
          (await tryLogin(agent, 'rotate@example.com', 'guess', `198.51.100.${attempt + 1}`)).status,
        ).toBe(401);
      expect((await tryLogin(agent, 'rotate@example.com', 'guess', '198.51.100.200')).status).toBe(429);
    });

    it('writes failed, refused and successful logins to the audit log, and shows administrators the limited ones', async () => {
      const actions = await database.db
        .select({ action: schema.auditLog.action, entityId: schema.auditLog.entityId })
        .from(schema.auditLog)
        .where(
          and(like(schema.auditLog.action, 'login.%'), eq(schema.auditLog.entityId, 'victim@example.com')),
        );
      const kinds = new Set(actions.map((entry) => entry.action));
      expect(kinds).toEqual(new Set(['login.failed', 'login.throttled']));
      const succeeded = await database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.action, 'login.succeeded'),
            eq(schema.auditLog.entityId, 'owner@example.com'),
          ),
        );
      expect(succeeded).toHaveLength(1);

      const app = await started(database);
      const admin = await logInAs(app, 'admin@example.gov.cn', FIXTURE_PASSWORD);
      const page = await admin.get('/admin/users').expect(200);
      expect(page.text).toContain('data-locked="victim@example.com"');
      expect(page.text).toContain('203.0.113.10');
      expect(page.text).toContain('data-locked="owner@example.com"');
    });
  },
);
