import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { OWN_WRITE_WAIT_MS } from '../../services/matching/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';
import { until } from '../../test/support/until.js';

/**
 * Read your own writes, bounded: a save waits for this process's index to apply its change, but
 * never longer than OWN_WRITE_WAIT_MS, and never fails once committed. Here the index has stopped
 * following the feed (as a process whose database reads hang would): saves still succeed, and the
 * ranking pages say the ranking is being updated.
 */
describeEachDatabase('a save while the index is not keeping up', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  let firm: PortalSession;
  let leader: PortalSession;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertPortalWorld(database.db);
    app = await createTestApp(database);
    firm = await portalSession(app, 'firm@example.com');
    leader = await portalSession(app, 'leader@example.edu.cn');
  });
  afterAll(() => app.stop());

  it('ranks the change on the next page while the index follows the feed', async () => {
    const saved = await leader.post('/profile/team', {
      researchDirections: '热压罐固化\n孔隙率控制',
      description: '树脂基碳纤维复合材料热压罐固化工艺与孔隙率控制。',
    });
    expect(saved.status).toBe(303);
    const page = await leader.agent.get('/matched-demands');
    expect(page.text).not.toContain('排名正在更新');
  });

  it('answers a committed save after the bounded wait, and says the ranking is being updated', async () => {
    await app.matching.stop();
    const started = Date.now();
    const saved = await leader.post('/profile/team', {
      researchDirections: '船舶振动',
      description: '船舶振动与噪声控制。',
    });
    const waited = Date.now() - started;
    expect(saved.status).toBe(303);
    expect(waited).toBeGreaterThanOrEqual(OWN_WRITE_WAIT_MS - 50);
    expect(waited).toBeLessThan(OWN_WRITE_WAIT_MS + 3_000);
    const [team] = await database.db.select().from(schema.teams).where(eq(schema.teams.id, world.team.id));
    expect(team!.description).toBe('船舶振动与噪声控制。');
    await until(async () => (await leader.agent.get('/matched-demands')).text.includes('排名正在更新'));

    const posted = await firm.post('/demands', {
      title: '索引停下时发布的需求',
      description: '碳纤维复合材料固化。',
      chainCode: 'carbon_fiber',
      demandClass: 'chain',
      visibility: 'public',
      intent: 'publish',
    });
    expect(posted.status).toBe(303);
    const demandPage = await firm.agent.get(posted.headers.location!);
    expect(demandPage.status).toBe(200);
    expect(demandPage.text).toContain('排名正在更新');
  });
});
