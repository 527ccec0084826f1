import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { announceChanges, schema } from '../../services/db/index.js';
import { createTestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';

describeEachDatabase('GET /healthz and /api/v1/stats', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    await db.insert(schema.chains).values([
      { code: 'carbon_fiber', nameZh: '碳纤维复合材料', nameEn: 'Carbon-fibre composites', sortOrder: 2 },
      { code: 'medical', nameZh: '医药医疗器械', nameEn: 'Pharma & medical devices', sortOrder: 1 },
    ]);
    const [university] = await db
      .insert(schema.universities)
      .values({ code: 'sdu', nameZh: '山东大学（威海）', nameEn: 'SDU Weihai' })
      .returning();
    const [team] = await db
      .insert(schema.teams)
      .values({ universityId: university!.id, nameZh: '复合材料成型团队', chainCode: 'carbon_fiber' })
      .returning();
    await db.insert(schema.faculty).values([
      {
        universityId: university!.id,
        teamId: team!.id,
        name: '张伟',
        title: 'professor',
        isDoctoralSupervisor: true,
        chiefScientistChain: 'carbon_fiber',
      },
      { universityId: university!.id, teamId: team!.id, name: '李娜', title: 'lecturer' },
    ]);
    const [enterprise] = await db
      .insert(schema.enterprises)
      .values({ name: '威海某复材公司', industry: '复合材料', size: 'medium' })
      .returning();
    await db.insert(schema.demands).values([
      {
        enterpriseId: enterprise!.id,
        title: '预浸料快速固化',
        description: '…',
        chainCode: 'carbon_fiber',
        demandClass: 'chokepoint',
        status: 'published',
      },
      {
        enterpriseId: enterprise!.id,
        title: '导管涂层',
        description: '…',
        chainCode: 'medical',
        demandClass: 'disruptive',
      },
    ]);
  });
  afterAll(() => database.dispose());

  it('reports the database as reachable, and the index position and lag in the change feed', async () => {
    const app = await createTestApp(database);
    const response = await request(app.express).get('/healthz').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { driver: kind, reachable: true },
      index: { position: 0, latest: 0, lag: 0, lagSeconds: 0, listening: true, rebuilds: 0 },
    });
    await database.db.transaction((tx) => announceChanges(tx, { entity: 'team', ids: [1] }));
    await app.matching.catchUp();
    const after = await request(app.express).get('/healthz').expect(200);
    expect(after.body.index).toMatchObject({ position: 1, latest: 1, lag: 0 });
  });

  it('counts the city live, with every class, chain and stage present', async () => {
    const response = await request((await createTestApp(database)).express)
      .get('/api/v1/stats')
      .expect(200);
    expect(response.body).toMatchObject({
      universities: 1,
      teams: 1,
      faculty: 2,
      doctoralSupervisors: 1,
      professors: 1,
      chiefScientists: 1,
      enterprises: 1,
      demands: {
        total: 2,
        byClass: { chokepoint: 1, chain: 0, systemic: 0, disruptive: 1 },
        byChain: { carbon_fiber: 1, medical: 1, fishing_tackle: 0 },
      },
      collaborations: {
        total: 0,
        byStage: { refine_demand: 0, design_task: 0, joint_research: 0, commercialise: 0 },
      },
    });
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await request((await createTestApp(database)).express)
      .get('/api/v1/nothing')
      .expect(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await request((await createTestApp(database)).express)
      .post('/api/v1/stats')
      .set('content-type', 'application/json')
      .send('{"broken"');
    expect(response.status).toBe(400);
  });
});
