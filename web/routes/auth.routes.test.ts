import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { createTestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { FIXTURE_PASSWORD, insertSmallWorld, insertUser } from '../../test/support/fixtures.js';
import { csrfTokenFor, csrfTokenIn, logInAs } from '../../test/support/sessions.js';
import type { XueqiApp } from '../app.js';

describeEachDatabase('logging in and signing up', (kind) => {
  let database: TestDatabase;
  let app: XueqiApp;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const world = await insertSmallWorld(database.db);
    await insertUser(database.db, {
      email: 'firm@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    });
    await insertUser(database.db, {
      email: 'waiting@example.com',
      role: 'enterprise',
      status: 'pending',
      enterpriseId: world.enterprise.id,
    });
    await insertUser(database.db, {
      email: 'limited@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    });
    app = await createTestApp(database);
  });
  afterAll(() => database.dispose());

  it('logs an enterprise in and sends it to its demands, with a new session id', async () => {
    const agent = request.agent(app.express);
    const loginPage = await agent.get('/login').expect(200);
    const before = loginPage.headers['set-cookie']?.[0]?.split(';')[0];
    const response = await agent
      .post('/login')
      .type('form')
      .send({ email: 'FIRM@example.com', password: FIXTURE_PASSWORD, _csrf: csrfTokenIn(loginPage.text) });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/demands/mine');
    const after = response.headers['set-cookie']?.[0]?.split(';')[0];
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('refuses a wrong password with a message in the chosen language', async () => {
    const agent = request.agent(app.express);
    const token = await csrfTokenFor(agent, '/login?lang=en');
    const response = await agent
      .post('/login')
      .type('form')
      .send({ email: 'firm@example.com', password: 'nope', _csrf: token });
    expect(response.status).toBe(401);
    expect(response.text).toContain('Wrong email or password.');
  });

  it('tells a pending account it waits for approval', async () => {
    const agent = request.agent(app.express);
    const token = await csrfTokenFor(agent);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ email: 'waiting@example.com', password: FIXTURE_PASSWORD, _csrf: token });
    expect(response.status).toBe(401);
    expect(response.text).toContain('等待科技局审核');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const response = await request(app.express)
      .post('/login')
      .type('form')
      .send({ email: 'firm@example.com', password: FIXTURE_PASSWORD });
    expect(response.status).toBe(403);
  });

  it('locks an account out after too many failed logins', async () => {
    const limited = await createTestApp(database);
    const agent = request.agent(limited.express);
    const token = await csrfTokenFor(agent);
    let last = 0;
    for (let attempt = 0; attempt < 11; attempt++) {
      last = (
        await agent
          .post('/login')
          .type('form')
          .send({ email: 'limited@example.com', password: 'wrong', _csrf: token })
      ).status;
    }
    expect(last).toBe(429);
  });

  it('signs an enterprise up as pending and keeps what was typed when a field is wrong', async () => {
    const agent = request.agent(app.express);
    const token = await csrfTokenFor(agent, '/signup');
    const bad = await agent.post('/signup').type('form').send({
      _csrf: token,
      enterpriseName: '<b>威海新材</b>',
      industry: '复合材料',
      size: 'small',
      chains: 'carbon_fiber',
      displayName: '陈',
      email: 'not-an-email',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请输入有效的邮箱地址');
    expect(bad.text).toContain('&lt;b&gt;威海新材&lt;/b&gt;');
    expect(bad.text).not.toContain('<b>威海新材</b>');
    const good = await agent
      .post('/signup')
      .type('form')
      .send({
        _csrf: token,
        enterpriseName: '威海新材料有限公司',
        industry: '复合材料',
        size: 'small',
        chains: ['carbon_fiber', 'marine_equipment'],
        displayName: '陈',
        email: 'chen@example.com',
        password: 'long-enough-password',
      });
    expect(good.status).toBe(200);
    const [user] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'chen@example.com'));
    expect(user?.status).toBe('pending');
    await logInAs(app, 'firm@example.com', FIXTURE_PASSWORD);
  });

  it('serves the home page with a strict content security policy', async () => {
    const response = await request(app.express).get('/').expect(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.text).toContain('驻威高校');
    const english = await request(app.express).get('/?lang=en').expect(200);
    expect(english.text).toContain('Universities');
  });
});
