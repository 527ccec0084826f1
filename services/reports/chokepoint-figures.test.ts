import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  APPLICATION,
  type ChokepointWorld,
  insertChokepointWorld,
} from '../../test/support/chokepoint-world.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertDemand } from '../../test/support/portal-world.js';
import {
  addConsortiumMember,
  createConsortium,
  markDemandAsTask,
  setConsortiumTaskStatus,
} from '../consortia/index.js';
import { applyForProject, recordSupport, reviewProject } from '../projects/index.js';
import { rowsOf } from './dashboard.repository.js';
import { getAnnualReport, getChainDashboard } from './index.js';

describeEachDatabase('choke-point figures in the dashboard and the annual report', (kind) => {
  let database: TestDatabase;
  let world: ChokepointWorld;
  const one = async (query: ReturnType<typeof sql>) => {
    const [row] = await rowsOf<{ value: string | number | null }>(database.db, query);
    return Number(row?.value ?? 0);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertChokepointWorld(database.db);
    const { db } = database;
    const { enterprise, otherEnterprise, staff, otherStaff } = world.accounts;
    const apply = async (
      user: typeof enterprise,
      enterpriseId: number,
      title: string,
      chainCode = 'carbon_fiber',
    ) =>
      applyForProject(db, user, (await insertDemand(db, { enterpriseId, title, chainCode })).id, APPLICATION);
    const admitted = await apply(enterprise, world.enterprise.id, '卡脖子一');
    const second = await apply(enterprise, world.enterprise.id, '卡脖子二');
    await apply(enterprise, world.enterprise.id, '卡脖子三');
    const marine = await apply(otherEnterprise, world.otherEnterprise.id, '船舶卡脖子', 'marine_equipment');
    await reviewProject(db, staff, admitted, { decision: 'admit' });
    await reviewProject(db, staff, second, { decision: 'admit' });
    await reviewProject(db, otherStaff, marine, { decision: 'reject', note: '已有成熟方案' });
    const loan = {
      kind: 'loan',
      partnerId: String(world.partners.bank.id),
      termMonths: '24',
      ratePercent: '3.2',
    };
    await recordSupport(db, staff, admitted, { ...loan, amount: '12000000', grantedOn: '2025-03-01' });
    await recordSupport(db, staff, second, {
      ...loan,
      amount: '5000000',
      grantedOn: '2025-06-01',
      riskCompensationPercent: '0.5',
    });
    await recordSupport(db, staff, admitted, {
      kind: 'grant',
      amount: '2000000',
      grantedOn: '2025-02-01',
      budgetLine: '科技专项',
    });
    await recordSupport(db, staff, admitted, {
      kind: 'investment',
      partnerId: String(world.partners.fund.id),
      amount: '10000000',
      multiplier: '1.8',
      grantedOn: '2024-11-01',
    });
    await recordSupport(db, staff, second, {
      kind: 'insurance',
      partnerId: String(world.partners.insurer.id),
      amount: '150000',
      cover: '3000000',
      subsidyPercent: '40',
      grantedOn: '2025-07-01',
    });
    const consortium = await createConsortium(db, staff, {
      name: '碳纤维联合体',
      leadEnterpriseId: String(world.enterprise.id),
      technologyLine: '碳纤维复合材料',
      chainCode: 'carbon_fiber',
    });
    await addConsortiumMember(db, staff, consortium, {
      kind: 'team',
      memberId: String(world.team.id),
      role: 'supporting',
    });
    const task = await markDemandAsTask(db, staff, consortium, world.publicDemand.id);
    await setConsortiumTaskStatus(db, staff, consortium, task, 'under_way');
    await createConsortium(db, otherStaff, {
      name: '海工装备联合体',
      leadEnterpriseId: String(world.otherEnterprise.id),
      technologyLine: '船舶减振',
      chainCode: 'marine_equipment',
      status: 'active',
    });
  });
  afterAll(() => database.dispose());

  it('counts the chain’s projects by status, its support by kind and its consortia as SQL does', async () => {
    const { chokepoint } = await getChainDashboard(database.db, 'carbon_fiber');
    for (const status of ['submitted', 'admitted', 'rejected', 'changes_requested'] as const)
      expect(chokepoint.projectsByStatus[status], status).toBe(
        await one(
          sql`select count(*) as value from chokepoint_projects where chain_code = 'carbon_fiber' and status = ${status}`,
        ),
      );
    expect(chokepoint.projectsByStatus).toEqual({
      submitted: 1,
      changes_requested: 0,
      admitted: 2,
      rejected: 0,
    });
    const loans = chokepoint.support.find((row) => row.kind === 'loan')!;
    expect(loans).toMatchObject({
      firms: 1,
      items: 2,
      amount: await one(sql`select sum(amount) as value from project_support where kind = 'loan'`),
      riskCompensation: await one(
        sql`select sum(risk_compensation) as value from project_support where kind = 'loan'`,
      ),
    });
    expect(loans.riskCompensation).toBe(12_000_000 * 0.006 + 5_000_000 * 0.005);
    const investment = chokepoint.support.find((row) => row.kind === 'investment')!;
    expect(investment.creditedInvestment).toBe(
      await one(sql`select sum(credited_amount) as value from project_support where kind = 'investment'`),
    );
    expect(investment.creditedInvestment).toBe(18_000_000);
    expect(chokepoint.support.find((row) => row.kind === 'insurance')!.subsidies).toBe(60_000);
    expect(chokepoint.supportedFirms).toBe(
      await one(
        sql`select count(distinct p.enterprise_id) as value from project_support s join chokepoint_projects p on p.id = s.project_id`,
      ),
    );
    expect(chokepoint.consortia).toMatchObject({ total: 1, tasks: 1, tasksUnderWay: 1, tasksDone: 0 });

    const city = (await getChainDashboard(database.db, null)).chokepoint;
    expect(city.projectTotal).toBe(await one(sql`select count(*) as value from chokepoint_projects`));
    expect(city.consortia.total).toBe(await one(sql`select count(*) as value from consortia`));
    expect(city.consortia.byStatus).toEqual({ forming: 1, active: 1, concluded: 0 });
  });

  it('counts support given within the report’s period only, and every chain’s projects', async () => {
    const report = await getAnnualReport(database.db, { from: '2025-01-01', to: '2025-12-31' });
    const { chokepoint } = report;
    for (const kind of ['grant', 'investment', 'loan', 'insurance'] as const) {
      const row = chokepoint.support.find((item) => item.kind === kind)!;
      expect(row.amount, kind).toBe(
        await one(
          sql`select coalesce(sum(amount), 0) as value from project_support where kind = ${kind} and granted_on between '2025-01-01' and '2025-12-31'`,
        ),
      );
      expect(row.items, kind).toBe(
        await one(
          sql`select count(*) as value from project_support where kind = ${kind} and granted_on between '2025-01-01' and '2025-12-31'`,
        ),
      );
    }
    expect(chokepoint.support.find((row) => row.kind === 'investment')!.items).toBe(0);
    const marine = chokepoint.projectsByChain.find((row) => row.chainCode === 'marine_equipment')!;
    expect(marine.byStatus.rejected).toBe(0);
    const thisYear = await getAnnualReport(database.db, { from: '2000-01-01', to: '2999-12-31' });
    const marineNow = thisYear.chokepoint.projectsByChain.find(
      (row) => row.chainCode === 'marine_equipment',
    )!;
    expect(marineNow.byStatus.rejected).toBe(
      await one(
        sql`select count(*) as value from chokepoint_projects where chain_code = 'marine_equipment' and status = 'rejected'`,
      ),
    );
    expect(thisYear.chokepoint.projectsByChain).toHaveLength(8);
    expect(thisYear.chokepoint.support.find((row) => row.kind === 'investment')!.creditedInvestment).toBe(
      18_000_000,
    );
  });
});
