import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptMatch, introduceMatch } from '../../services/brokering/index.js';
import { schema } from '../../services/db/index.js';
import {
  BOTH_INTERESTED,
  insertBrokeringWorld,
  insertCandidate,
  insertDemand,
} from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { getChainDashboard, STRONG_MATCH_THRESHOLD } from './index.js';

describeEachDatabase("a chain's dashboard", (kind) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
  });
  afterAll(() => database.dispose());

  it('counts demands, weak matches, the funnel with conversions, first-contact time and stages', async () => {
    const { db } = database;
    const strong = await insertDemand(db, world.enterprise.id, { demandClass: 'chain' });
    const weak = await insertDemand(db, world.enterprise.id, { demandClass: 'disruptive' });
    const orphan = await insertDemand(db, world.enterprise.id, { demandClass: 'disruptive' });
    await insertDemand(db, world.enterprise.id, { chainCode: 'medical' });
    await db
      .update(schema.demands)
      .set({ createdAt: new Date(Date.now() - 4 * 86_400_000) })
      .where(eq(schema.demands.id, strong.id));
    const accepted = await insertCandidate(db, {
      demandId: strong.id,
      teamId: world.team.id,
      score: 0.8,
      ...BOTH_INTERESTED,
    });
    await insertCandidate(db, { demandId: strong.id, teamId: world.otherTeam.id, score: 0.5 });
    await insertCandidate(db, {
      demandId: weak.id,
      teamId: world.otherTeam.id,
      score: STRONG_MATCH_THRESHOLD / 2,
    });
    await introduceMatch(db, world.actor, accepted.id);
    await acceptMatch(db, world.actor, accepted.id);

    const dashboard = await getChainDashboard(db, 'carbon_fiber');
    expect(dashboard.demandTotal).toBe(3);
    expect(dashboard.demandsByClass.find((row) => row.demandClass === 'disruptive')).toMatchObject({
      total: 2,
      byStatus: { published: 2 },
    });
    expect(dashboard.demandsByClass.find((row) => row.demandClass === 'chain')?.byStatus.matched).toBe(1);
    expect(dashboard.weakDemands.map((demand) => demand.id)).toEqual([orphan.id, weak.id]);
    expect(dashboard.funnel.map((step) => [step.step, step.count])).toEqual([
      ['suggested', 3],
      ['introduced', 1],
      ['accepted', 1],
      ['collaborations', 1],
    ]);
    expect(dashboard.funnel[1]!.conversion).toBeCloseTo(1 / 3);
    expect(dashboard.funnel[0]!.conversion).toBeNull();
    expect(dashboard.medianDaysToFirstContact).toBeCloseTo(4, 0);
    expect(dashboard.collaborationsByStage[0]).toEqual({ stage: 'refine_demand', count: 1 });

    const city = await getChainDashboard(db, null);
    expect(city.demandTotal).toBe(4);
    const medical = await getChainDashboard(db, 'medical');
    expect(medical.funnel.every((step) => step.count === 0)).toBe(true);
    expect(medical.medianDaysToFirstContact).toBeNull();
  });
});
