import { Writable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../services/audit/index.js';
import { openDatabase, schema } from '../../services/db/index.js';
import { ConflictError } from '../../services/shared/errors.js';
import { disableUser } from '../../services/users/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { FIXTURE_PASSWORD, insertUser } from '../../test/support/fixtures.js';
import { portalSession } from '../../test/support/portal-session.js';
import { insertDemand, insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';
import { logInAs } from '../../test/support/sessions.js';
import { handleErrors } from '../errors.js';
import { requestContext } from '../request-context.js';

/** A pino logger whose lines are kept, to read what a failure logged. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const SECRET = 'hunter2-correct-horse-SECRET-7731';

describeEachDatabase('small refusals that used to be errors', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertPortalWorld(database.db);
    app = await createTestApp(database, { loginLimit: 1_000 });
  });
  afterAll(() => app.stop());

  it('saying "interested" twice at once shows the same result twice, with one pair and one audit entry', async () => {
    const university = await portalSession(app, world.users.university.email);
    for (let round = 0; round < 5; round++) {
      const demand = await insertDemand(database.db, {
        enterpriseId: world.enterprise.id,
        title: `双击测试 ${round}`,
      });
      const answers = await Promise.all([
        university.post(`/matched-demands/${demand.id}/interest`),
        university.post(`/matched-demands/${demand.id}/interest`),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([303, 303]);
      const pairs = await database.db
        .select()
        .from(schema.matchCandidates)
        .where(
          and(
            eq(schema.matchCandidates.demandId, demand.id),
            eq(schema.matchCandidates.teamId, world.team.id),
          ),
        );
      expect(pairs.map((pair) => pair.profileInterested)).toEqual([true]);
      const audits = await database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.action, 'match.profile_interested'),
            eq(schema.auditLog.entityId, String(pairs[0]!.id)),
          ),
        );
      expect(audits).toHaveLength(1);
    }
  });

  it('an administrator cannot disable their own account, nor anyone the last active administrator', async () => {
    const admin = await portalSession(app, world.users.admin.email);
    const own = await admin.post(`/admin/users/${world.users.admin.id}/disable`, { back: '/admin/users' });
    expect(own.status).toBe(302);
    const page = await admin.agent.get('/admin/users');
    expect(page.text).toContain('管理员不能停用自己的账号');
    await expect(disableUser(database.db, SYSTEM_ACTOR, world.users.admin.id)).rejects.toThrow(ConflictError);
    const [after] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, world.users.admin.id));
    expect(after!.status).toBe('active');

    const second = await insertUser(database.db, { email: 'second-admin@example.gov.cn', role: 'admin' });
    await disableUser(database.db, SYSTEM_ACTOR, second.id);
    const [disabled] = await database.db.select().from(schema.users).where(eq(schema.users.id, second.id));
    expect(disabled!.status).toBe('disabled');
  });

  it('an upload over the size limit says what the limit is', async () => {
    const staff = await logInAs(app, world.users.staff.email, FIXTURE_PASSWORD);
    const token = (await staff.get('/staff/lists')).text.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const answer = await staff
      .post('/staff/lists/import')
      .field('_csrf', token)
      .field('kind', 'faculty')
      .attach('file', Buffer.alloc(21 * 1024 * 1024, 0x41), 'roster.csv');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('文件超过 20 MB 的上传上限');
  });

  it('a database outage answers 503 with a retry hint, /healthz 503, and logs no form or query value', async () => {
    const lost = database.url
      ? await openDatabase({ driver: 'postgres', url: database.url })
      : await openDatabase({ driver: 'pglite', dataDir: null });
    if (!database.url) await lost.migrate();
    const { logger, lines } = capturedLogger();
    const outage = await createTestApp(lost, { loginLimit: 1_000 });
    const { createApp } = await import('../app.js');
    const { loadConfig } = await import('../../services/config.js');
    const logged = createApp({ config: loadConfig({}), database: lost, matching: outage.matching, logger });
    await insertUser(lost.db, { email: 'outage-admin@example.gov.cn', role: 'admin' });
    const signedIn = await logInAs(logged, 'outage-admin@example.gov.cn', FIXTURE_PASSWORD);
    const token = (await signedIn.get('/admin/users')).text.match(/name="_csrf" value="([^"]+)"/)![1]!;
    await outage.matching.stop();
    await lost.close();

    const health = await request(logged.express).get('/healthz');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unavailable');
    const page = await request(logged.express).get(`/?from=${SECRET}`);
    expect(page.status).toBe(503);
    expect(page.headers['retry-after']).toBe('5');
    expect(page.text).toContain('请稍候约 5 秒后刷新页面重试');
    // The retry link goes back to the page asked for.
    expect(page.text).toMatch(/<a class="button" href="\/\?from[^"]*">重试<\/a>/);
    const api = await signedIn.post('/api/v1/demands').set('X-CSRF-Token', token).send({ title: SECRET });
    expect(api.status).toBe(503);
    expect(api.body.error.code).toBe('unavailable');
    const form = await signedIn
      .post(`/admin/users/1/role?note=${SECRET}`)
      .type('form')
      .send({ _csrf: token, role: SECRET });
    expect(form.status).toBe(503);

    const failures = lines.filter((line) => line.includes('database unavailable'));
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(failures[0]!)).toMatchObject({
      requestId: expect.any(String),
      route: expect.any(String),
    });
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('a query that fails on a user value logs the request id, route and error, never the value', async () => {
    const { logger, lines } = capturedLogger();
    const probe = express();
    probe.use(requestContext(logger));
    probe.use(express.urlencoded({ extended: false }));
    probe.post('/probe/:id', async (request) => {
      // PostgreSQL quotes the value it could not read, and Drizzle lists the parameters: both must stay out.
      await database.db.execute(sql`select ${String(request.body.secret)}::integer`);
    });
    probe.use(handleErrors);
    const answer = await request(probe)
      .post(`/probe/7?token=${SECRET}`)
      .type('form')
      .send({ secret: SECRET });
    expect(answer.status).toBe(500);
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    expect(failure).toMatchObject({
      requestId: answer.headers['x-request-id'],
      route: '/probe/:id',
      method: 'POST',
      error: { query: 'select $1::integer' },
    });
    expect(JSON.stringify(failure)).toContain('"code":"22P02"');
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});
