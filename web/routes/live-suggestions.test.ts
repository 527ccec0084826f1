import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listQueue, OPEN_STATUSES } from '../../services/brokering/index.js';
import { schema } from '../../services/db/index.js';
import { buildCsv } from '../../services/imports/fixtures.test-support.js';
import { runImport } from '../../services/imports/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';
import { until } from '../../test/support/until.js';

/**
 * The queue fills itself: a demand posted in the portal, through the API or in an imported list
 * gets its suggested pairs from the suggestion worker following the change feed, with nothing else asked.
 */
describeEachDatabase('live suggestions from the change feed', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  let firm: PortalSession;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertPortalWorld(database.db);
    app = await createTestApp(database, { suggestions: true });
    firm = await portalSession(app, 'firm@example.com');
  });
  afterAll(() => app.stop());

  const demandIdByTitle = async (title: string) => {
    const [row] = await database.db
      .select({ id: schema.demands.id })
      .from(schema.demands)
      .where(eq(schema.demands.title, title));
    return row?.id ?? null;
  };
  const pairsOf = (demandId: number) =>
    database.db.select().from(schema.matchCandidates).where(eq(schema.matchCandidates.demandId, demandId));
  const teamSuggested = async (demandId: number) =>
    (await pairsOf(demandId)).some((pair) => pair.teamId === world.team.id && pair.status === 'suggested');

  it('suggests pairs for a demand posted through the portal form', async () => {
    const title = '门户发布：碳纤维构件热压罐固化周期缩短';
    const posted = await firm.post('/demands', {
      title,
      description: '树脂基碳纤维复合材料构件热压罐固化周期长，需缩短固化周期并降低孔隙率。',
      chainCode: 'carbon_fiber',
      demandClass: 'chokepoint',
      visibility: 'public',
      intent: 'publish',
    });
    expect(posted.status).toBe(303);
    const demandId = (await demandIdByTitle(title))!;
    await until(() => teamSuggested(demandId));
    const queue = await listQueue(database.db, { chainCode: 'carbon_fiber', statuses: OPEN_STATUSES });
    const queued = queue.find((entry) => entry.demandId === demandId && entry.teamId === world.team.id);
    expect(queued?.explanation.terms.length).toBeGreaterThan(0);
  });

  it('suggests pairs for a demand created through the JSON API', async () => {
    const title = 'API 发布：碳纤维预浸料快速固化';
    const created = await firm.agent.post('/api/v1/demands').set('X-CSRF-Token', firm.token).send({
      title,
      description: '需要碳纤维预浸料的快速固化工艺，降低固化温度。',
      chainCode: 'carbon_fiber',
      demandClass: 'chain',
      visibility: 'public',
      status: 'published',
    });
    expect(created.status).toBe(201);
    await until(() => teamSuggested(created.body.demand.id));
  });

  it('suggests pairs for demands in an imported list', async () => {
    const content = buildCsv([
      ['企业名称', '需求名称', '需求描述', '产业链', '技术类别'],
      [
        world.enterprise.name,
        '导入：复合材料固化变形控制',
        '碳纤维复合材料固化过程中的变形与孔隙率控制',
        '碳纤维',
        '卡脖子',
      ],
    ]);
    const outcome = await runImport({ kind: 'demands', fileName: 'demands.csv', content }, database.db);
    expect(outcome.committed).toBe(true);
    const demandId = (await demandIdByTitle('导入：复合材料固化变形控制'))!;
    await until(() => teamSuggested(demandId));
  });

  it('recomputes when a profile changes: brokering state is kept, suggested-only pairs that fell out are dropped', async () => {
    const demandId = world.publicDemand.id;
    // The world's demands were inserted without the feed: ask for them as staff's proposal would.
    await app.matching.suggestCandidates([demandId]);
    // Staff act on the carbon-fibre team's pair; a stale suggested-only pair stands for one that fell out.
    await database.db
      .update(schema.matchCandidates)
      .set({ status: 'shortlisted' })
      .where(
        and(eq(schema.matchCandidates.demandId, demandId), eq(schema.matchCandidates.teamId, world.team.id)),
      );
    const [stale] = await database.db
      .insert(schema.matchCandidates)
      .values({ demandId, teamId: world.otherTeam.id, score: 0.9, explanation: { terms: [['旧', 1]] } })
      .onConflictDoUpdate({
        target: [
          schema.matchCandidates.demandId,
          schema.matchCandidates.teamId,
          schema.matchCandidates.facultyId,
        ],
        set: { score: 0.9 },
      })
      .returning();
    const leader = await portalSession(app, 'leader@example.edu.cn');
    const saved = await leader.post('/profile/team', {
      researchDirections: '热压罐固化\n孔隙率控制',
      description: '树脂基碳纤维复合材料热压罐固化工艺与孔隙率控制。',
    });
    expect(saved.status).toBe(303);
    await until(async () => {
      const pairs = await pairsOf(demandId);
      return !pairs.some((pair) => pair.id === stale!.id);
    });
    const kept = (await pairsOf(demandId)).find((pair) => pair.teamId === world.team.id);
    expect(kept?.status).toBe('shortlisted');
    expect(kept?.explanation.terms.map(([term]) => term).join(' ')).toMatch(/固化|孔隙/);
  });
});
