import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../../test/support/portal-session.js';
import { insertPortalWorld, type PortalWorld } from '../../../test/support/portal-world.js';

describeEachDatabase('the JSON API for demands, profiles and matches', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  let firm: PortalSession;
  let otherFirm: PortalSession;
  let leader: PortalSession;
  let staff: PortalSession;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertPortalWorld(database.db);
    app = await createTestApp(database);
    firm = await portalSession(app, 'firm@example.com');
    otherFirm = await portalSession(app, 'other-firm@example.com');
    leader = await portalSession(app, 'leader@example.edu.cn');
    staff = await portalSession(app, 'staff@example.gov.cn');
  });
  afterAll(() => app.stop());

  const send = (session: PortalSession, method: 'post' | 'patch', path: string, body: unknown) =>
    session.agent[method](path)
      .set('X-CSRF-Token', session.token)
      .send(body as object);

  it('asks an anonymous caller to sign in, in JSON', async () => {
    const response = await request(app.express).get('/api/v1/demands').expect(401);
    expect(response.body.error.code).toBe('unauthenticated');
    expect(response.body.error).toMatchObject({
      message: '请先登录后再进行此操作。',
      messageKey: 'error.401.message',
    });
    const inEnglish = await request(app.express)
      .get('/api/v1/demands')
      .set('Accept-Language', 'en-GB,en;q=0.8')
      .expect(401);
    expect(inEnglish.body.error).toMatchObject({
      code: 'unauthenticated',
      message: 'Sign in first, then try again.',
    });
  });

  it('lists to each caller only the demands it may see', async () => {
    const titles = async (session: PortalSession) =>
      ((await session.agent.get('/api/v1/demands').expect(200)).body.demands as { title: string }[]).map(
        (demand) => demand.title,
      );
    expect(await titles(firm)).toEqual(
      expect.arrayContaining([
        world.publicDemand.title,
        world.confidentialDemand.title,
        world.draftDemand.title,
      ]),
    );
    expect(await titles(firm)).not.toContain(world.otherDemand.title);
    const forLeader = await titles(leader);
    expect(forLeader).toContain(world.publicDemand.title);
    expect(forLeader).not.toContain(world.confidentialDemand.title);
    expect(forLeader).not.toContain(world.draftDemand.title);
    expect(await titles(staff)).toHaveLength(4);
  });

  it('creates a demand, and answers bad input with field details', async () => {
    const created = await send(firm, 'post', '/api/v1/demands', {
      title: '碳纤维板材激光切割',
      description: '碳纤维复合材料板材的激光切割热损伤控制。',
      chainCode: 'carbon_fiber',
      demandClass: 'chain',
      expectedTrl: 7,
      budgetMin: 10,
      budgetMax: 20,
      visibility: 'public',
      status: 'published',
    });
    expect(created.status).toBe(201);
    expect(created.body.demand).toMatchObject({
      status: 'published',
      expectedTrl: 7,
      enterpriseId: world.enterprise.id,
    });
    const invalid = await send(firm, 'post', '/api/v1/demands', {
      title: '',
      expectedTrl: 10,
      chainCode: 'mars',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({
      code: 'invalid',
      message: '提交的内容有误，请返回修改。',
      messageKey: 'error.400.message',
    });
    expect(invalid.body.error.details).toMatchObject({
      title: 'validation.required',
      expectedTrl: 'validation.trl',
      chainCode: 'validation.choose',
    });
    expect(invalid.body.error.messages).toMatchObject({
      title: '此项必填。',
      expectedTrl: '技术成熟度应为 1 到 9 的整数。',
    });
    expect((await send(leader, 'post', '/api/v1/demands', { title: 'x' })).status).toBe(403);
    expect((await firm.agent.post('/api/v1/demands').send({ title: 'no token' })).status).toBe(403);
    const malformed = await firm.agent
      .post('/api/v1/demands')
      .set('X-CSRF-Token', firm.token)
      .set('Content-Type', 'application/json')
      .send('{"title":');
    expect(malformed.status).toBe(400);
    expect((await send(firm, 'post', '/api/v1/demands', ['not', 'an', 'object'])).status).toBe(400);
  });

  it('patches only the fields sent, for the owner only', async () => {
    const path = `/api/v1/demands/${world.publicDemand.id}`;
    const patched = await send(firm, 'patch', path, { expectedTrl: 4 });
    expect(patched.status).toBe(200);
    expect(patched.body.demand).toMatchObject({ expectedTrl: 4, title: world.publicDemand.title });
    expect((await send(otherFirm, 'patch', path, { expectedTrl: 5 })).status).toBe(404);
    expect((await send(leader, 'patch', path, { expectedTrl: 5 })).status).toBe(403);
    expect((await send(firm, 'patch', path, { budgetMin: 'lots' })).body.error.details).toEqual({
      budgetMin: 'validation.budget',
    });
    expect((await send(firm, 'patch', '/api/v1/demands/999999', {})).status).toBe(404);
  });

  it('ranks matches for the owner and staff only, with the explanation', async () => {
    const path = `/api/v1/demands/${world.publicDemand.id}/matches`;
    const owner = await firm.agent.get(path).expect(200);
    expect(owner.body.teams[0]).toMatchObject({
      id: world.team.id,
      explanation: expect.stringContaining('匹配词'),
    });
    expect(owner.body.teams[0].terms[0]).toEqual({ term: expect.any(String), share: expect.any(Number) });
    const english = await firm.agent.get(path).set('Accept-Language', 'en');
    expect(english.status).toBe(200);
    await staff.agent.get(`${path}?doctoralSupervisor=1`).expect(200);
    await leader.agent.get(path).expect(403);
    await otherFirm.agent.get(path).expect(404);
    await leader.agent.get(`/api/v1/demands/${world.confidentialDemand.id}/matches`).expect(404);
  });

  it('reads profiles, with faculty contact details only for themselves and staff', async () => {
    const team = await firm.agent.get(`/api/v1/profiles/teams/${world.team.id}`).expect(200);
    expect(team.body.team.nameZh).toBe(world.team.nameZh);
    const seenByFirm = await firm.agent.get(`/api/v1/profiles/faculty/${world.member.id}`).expect(200);
    expect(seenByFirm.body.faculty).toMatchObject({ name: world.member.name, email: null, phone: null });
    const own = await leader.agent.get(`/api/v1/profiles/faculty/${world.member.id}`).expect(200);
    expect(own.body.faculty.email).toBe(world.member.email);
    await firm.agent.get('/api/v1/profiles/teams/999999').expect(404);
    await firm.agent.get('/api/v1/profiles/teams/abc').expect(404);
  });

  it('patches a team profile for its own people only, and re-ranks at once', async () => {
    const path = `/api/v1/profiles/teams/${world.otherTeam.id}`;
    const other = await portalSession(app, 'other-leader@example.edu.cn');
    const rankedTeams = async () =>
      (
        (await firm.agent.get(`/api/v1/demands/${world.publicDemand.id}/matches`)).body.teams as {
          id: number;
        }[]
      ).map((profile) => profile.id);
    expect(await rankedTeams()).not.toContain(world.otherTeam.id);
    expect((await send(leader, 'patch', path, { description: '碳纤维' })).status).toBe(403);
    expect((await send(other, 'patch', path, { researchDirections: [] })).body.error.details).toEqual({
      researchDirections: 'validation.required',
    });
    const patched = await send(other, 'patch', path, {
      researchDirections: ['碳纤维复合材料', '热压罐固化'],
      description: '树脂基碳纤维复合材料热压罐固化工艺与孔隙率控制。',
    });
    expect(patched.status).toBe(200);
    expect(await rankedTeams()).toContain(world.otherTeam.id);
    const faculty = await send(leader, 'patch', `/api/v1/profiles/faculty/${world.member.id}`, {
      bio: '新的简介',
    });
    expect(faculty.body.faculty).toMatchObject({ bio: '新的简介', researchDirections: ['热压罐固化'] });
    expect(
      (await send(firm, 'patch', `/api/v1/profiles/faculty/${world.member.id}`, { bio: 'x' })).status,
    ).toBe(403);
  });

  it('closes a demand through a PATCH of its status', async () => {
    const response = await send(firm, 'patch', `/api/v1/demands/${world.draftDemand.id}`, {
      status: 'closed',
    });
    expect(response.body.demand.status).toBe('closed');
    expect(
      (await send(firm, 'patch', `/api/v1/demands/${world.draftDemand.id}`, { expectedTrl: 3 })).status,
    ).toBe(409);
  });
});
