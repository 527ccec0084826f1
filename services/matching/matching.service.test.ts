import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertSmallWorld } from '../../test/support/fixtures.js';
import { until } from '../../test/support/until.js';
import { announceChanges, schema } from '../db/index.js';
import { MatchingService } from './matching.service.js';

describeEachDatabase('the matching service', (kind) => {
  let database: TestDatabase;
  let matching: MatchingService;
  let world: Awaited<ReturnType<typeof insertSmallWorld>>;
  let shipTeamId: number;
  let demandId: number;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    world = await insertSmallWorld(db);
    const [shipTeam] = await db
      .insert(schema.teams)
      .values({
        universityId: world.university.id,
        nameZh: '船舶减振降噪团队',
        chainCode: 'marine_equipment',
        researchDirections: ['船舶振动', '噪声控制'],
        description: '船舶与海洋平台的振动噪声预报与控制。',
      })
      .returning();
    shipTeamId = shipTeam!.id;
    await db.insert(schema.works).values({
      facultyId: world.member.id,
      kind: 'patent',
      title: '一种碳纤维预浸料快速固化方法',
      summary: '降低固化温度，缩短固化周期。',
      year: 2021,
    });
    const [demand] = await db
      .insert(schema.demands)
      .values({
        enterpriseId: world.enterprise.id,
        title: '碳纤维复合材料固化工艺优化',
        description: '我公司生产树脂基碳纤维复合材料构件，需缩短热压罐固化周期并降低孔隙率。',
        chainCode: 'carbon_fiber',
        demandClass: 'chokepoint',
        status: 'published',
      })
      .returning();
    demandId = demand!.id;
    matching = await MatchingService.start(database);
  });
  afterAll(async () => {
    await matching.stop();
    await database.dispose();
  });

  it('ranks the carbon-fibre team first for a composite-curing demand, and says why', async () => {
    const query = await matching.demandQuery(demandId);
    const ranked = await matching.rankProfiles(query!, { kind: 'team' });
    expect(ranked[0]?.id).toBe(world.team.id);
    expect(ranked[0]?.universityName).toBe('哈尔滨工业大学（威海）');
    expect(ranked[0]?.terms.map((term) => term.term).join(' ')).toMatch(/固化|碳纤维/);
    expect(ranked[0]?.evidence?.title).toContain('固化');
  });

  it('filters faculty by doctoral supervisor and finds the demand for the team in reverse', async () => {
    const query = await matching.demandQuery(demandId);
    const supervisors = await matching.rankProfiles(query!, {
      kind: 'faculty',
      filters: { doctoralSupervisor: true },
    });
    expect(supervisors.map((profile) => profile.id)).toEqual([world.member.id]);
    const demands = await matching.rankDemandsForProfile('team', world.team.id);
    expect(demands[0]?.id).toBe(demandId);
  });

  it('re-ranks at once when a profile changes and announces it', async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await tx
        .update(schema.teams)
        .set({ description: '碳纤维复合材料热压罐固化工艺、树脂基复合材料成型与孔隙率控制。' })
        .where(eq(schema.teams.id, shipTeamId));
      await announceChanges(tx, { entity: 'team', ids: [shipTeamId] });
    });
    const query = await matching.demandQuery(demandId);
    await until(async () =>
      (await matching.rankProfiles(query!, { kind: 'team' })).some((profile) => profile.id === shipTeamId),
    );
  });

  it('writes suggested candidates once per pair, keeping a status staff set', async () => {
    const { db } = database;
    expect(await matching.suggestCandidates([demandId])).toBeGreaterThan(0);
    await db
      .update(schema.matchCandidates)
      .set({ status: 'shortlisted' })
      .where(eq(schema.matchCandidates.teamId, world.team.id));
    await matching.suggestCandidates([demandId]);
    const rows = await db
      .select()
      .from(schema.matchCandidates)
      .where(eq(schema.matchCandidates.demandId, demandId));
    expect(rows.filter((row) => row.teamId === world.team.id)).toHaveLength(1);
    expect(rows.find((row) => row.teamId === world.team.id)?.status).toBe('shortlisted');
    expect(rows.find((row) => row.teamId === world.team.id)?.explanation.terms.length).toBeGreaterThan(0);
  });

  it('searches demands by meaning of the words typed', async () => {
    const hits = await matching.searchIds('热压罐 固化', 'demand', 20);
    expect(hits[0]).toMatchObject({ id: demandId });
  });
});
