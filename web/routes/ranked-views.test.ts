import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
  writeAsAnotherProcess,
} from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';

/** The "why it fits" sentences of a ranked page, in the order shown. */
const explanationsOf = (html: string) =>
  [...html.matchAll(/<p class="explanation">([^<]*)<\/p>/g)].map((found) => found[1]!);

/**
 * The ranked pages keep their candidates, worded, until the index changes: a page seen before a
 * profile's save must not be served again after it, to the writer or to the firm looking.
 */
describeEachDatabase('ranked pages kept between changes of the index', (kind) => {
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

  it('words the candidates again after a profile save, on the demand page and the matched demands', async () => {
    const demandPath = `/demands/${world.publicDemand.id}`;
    const before = explanationsOf((await firm.agent.get(demandPath)).text);
    const matchedBefore = explanationsOf((await leader.agent.get('/matched-demands')).text);
    expect(before.join()).not.toContain('孔隙率');
    expect(matchedBefore.join()).not.toContain('孔隙率');
    // Seen twice, the page is the same: the kept answer is the computed one.
    expect(explanationsOf((await firm.agent.get(demandPath)).text)).toEqual(before);

    const saved = await leader.post('/profile/team', {
      researchDirections: '孔隙率控制\n热压罐固化',
      description: '树脂基碳纤维复合材料热压罐固化工艺与孔隙率控制。',
    });
    expect(saved.status).toBe(303);

    expect(explanationsOf((await leader.agent.get('/matched-demands')).text).join()).toContain('孔隙率');
    expect(explanationsOf((await firm.agent.get(demandPath)).text).join()).toContain('孔隙率');
  });

  it('shows on the matched demands what was written since without moving the index: a firm renamed, a pair introduced', async () => {
    const card = (html: string) =>
      new RegExp(
        `<article class="card matched-demand" id="demand-${world.publicDemand.id}">[\\s\\S]*?</article>`,
      ).exec(html)?.[0] ?? '';
    const before = card((await leader.agent.get('/matched-demands')).text);
    expect(before).not.toBe('');
    expect(before).not.toContain('status-introduced');
    await writeAsAnotherProcess(database, async (db) => {
      await db
        .update(schema.enterprises)
        .set({ name: '改过名的企业' })
        .where(eq(schema.enterprises.id, world.publicDemand.enterpriseId));
      await db
        .insert(schema.matchCandidates)
        .values({
          demandId: world.publicDemand.id,
          teamId: world.team.id,
          score: 0.5,
          status: 'introduced',
          explanation: { terms: [], evidence: null },
        })
        .onConflictDoUpdate({
          target: [
            schema.matchCandidates.demandId,
            schema.matchCandidates.teamId,
            schema.matchCandidates.facultyId,
          ],
          set: { status: 'introduced' },
        });
    });
    const after = card((await leader.agent.get('/matched-demands')).text);
    expect(after).toContain('改过名的企业');
    expect(after).toContain('status-introduced');
  });

  it('shows on the demand page a pair staff moved in another process, and a title edited there', async () => {
    const demandPath = `/demands/${world.publicDemand.id}`;
    const card = (html: string) =>
      new RegExp(
        `<article class="card candidate" id="candidate-team-${world.team.id}">[\\s\\S]*?</article>`,
      ).exec(html)?.[0] ?? '';
    const before = (await firm.agent.get(demandPath).expect(200)).text;
    expect(card(before)).not.toBe('');
    await writeAsAnotherProcess(database, async (db) => {
      await db
        .update(schema.matchCandidates)
        .set({ status: 'shortlisted' })
        .where(eq(schema.matchCandidates.demandId, world.publicDemand.id));
      await db
        .update(schema.demands)
        .set({ title: '另一进程改过的标题' })
        .where(eq(schema.demands.id, world.publicDemand.id));
    });
    const after = (await firm.agent.get(demandPath).expect(200)).text;
    expect(card(after)).toContain('status-shortlisted');
    expect(after).toContain('另一进程改过的标题');
  });
});
