import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { insertBrokeringWorld, insertDemand } from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { listEnterprises } from './index.js';

interface SqlCounts {
  demands: number;
  collaborations: number;
  services: number;
  last_served_on: string | null;
}

/** Three firms with different amounts of everything, so a count of the wrong firm or table shows. */
async function insertThreeFirms(database: TestDatabase) {
  const { db } = database;
  const world = await insertBrokeringWorld(db);
  const firms = await db
    .insert(schema.enterprises)
    .values([
      { name: '甲公司', industry: '复材', size: 'small' },
      { name: '乙公司', industry: '复材', size: 'medium' },
      { name: '丙公司', industry: '复材', size: 'large' },
    ])
    .returning();
  const plan = [
    { demands: 3, collaborations: 2, services: ['2026-01-05', '2026-03-09'] },
    { demands: 1, collaborations: 0, services: ['2025-11-20', '2025-12-01', '2026-02-14', '2025-10-01'] },
    { demands: 0, collaborations: 0, services: [] },
  ];
  const teams = [world.team, world.otherTeam, world.secondTeam];
  for (const [index, firm] of firms.entries()) {
    const counts = plan[index]!;
    const demands = [];
    for (let n = 0; n < counts.demands; n += 1) demands.push(await insertDemand(db, firm.id));
    for (let n = 0; n < counts.collaborations; n += 1)
      await db.insert(schema.collaborations).values({
        demandId: demands[n]!.id,
        enterpriseId: firm.id,
        leadTeamId: teams[n]!.id,
        title: `合作 ${firm.name} ${n}`,
        startedOn: '2026-01-01',
      });
    for (const servedOn of counts.services)
      await db
        .insert(schema.enterpriseServices)
        .values({ staffId: world.staffMember.id, enterpriseId: firm.id, servedOn, kind: 'visit' });
  }
  return firms;
}

describeEachDatabase('the enterprise services list', (kind) => {
  let database: TestDatabase;
  let firms: Awaited<ReturnType<typeof insertThreeFirms>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    firms = await insertThreeFirms(database);
  });
  afterAll(() => database.dispose());

  it('gives every firm its own counts of demands, collaborations and services and its last service date', async () => {
    const listed = new Map((await listEnterprises(database.db)).map((entry) => [entry.id, entry]));
    for (const firm of firms) {
      const { rows } = (await database.db.execute(
        sql`select
          (select count(*)::int from demands d where d.enterprise_id = ${firm.id}) as demands,
          (select count(*)::int from collaborations c where c.enterprise_id = ${firm.id}) as collaborations,
          (select count(*)::int from enterprise_services s where s.enterprise_id = ${firm.id}) as services,
          (select max(s.served_on)::text from enterprise_services s where s.enterprise_id = ${firm.id}) as last_served_on`,
      )) as unknown as { rows: SqlCounts[] };
      const counted = rows[0]!;
      expect(listed.get(firm.id), firm.name).toMatchObject({
        demands: Number(counted.demands),
        collaborations: Number(counted.collaborations),
        services: Number(counted.services),
        lastServedOn: counted.last_served_on,
      });
    }
    expect(listed.get(firms[0]!.id)).toMatchObject({ demands: 3, collaborations: 2, services: 2 });
    expect(listed.get(firms[1]!.id)).toMatchObject({ services: 4, lastServedOn: '2026-02-14' });
    expect(listed.get(firms[2]!.id)).toMatchObject({ demands: 0, services: 0, lastServedOn: null });
  });
});
