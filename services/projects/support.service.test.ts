import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditTrail } from '../../services/audit/index.js';
import { schema } from '../../services/db/index.js';
import {
  APPLICATION,
  type ChokepointWorld,
  FIXTURE_BENCHMARK_RATE,
  insertChokepointWorld,
} from '../../test/support/chokepoint-world.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertDemand } from '../../test/support/portal-world.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { applyForProject, getProjectForUser, recordSupport, reviewProject } from './index.js';
import { setBenchmarkRate } from './support.service.js';
import { percentOf, timesOf } from './support-rules.js';

describe('support arithmetic', () => {
  it('computes shares to the fen without floating-point drift', () => {
    expect(percentOf(20_000_000, 0.6)).toBe(120_000);
    expect(percentOf(333_333.33, 50)).toBe(166_666.67);
    expect(percentOf(0.1 + 0.2, 50)).toBe(0.15);
    expect(timesOf(10_000_000, 1.5)).toBe(15_000_000);
    expect(timesOf(1_234_567.89, 2)).toBe(2_469_135.78);
  });
});

describeEachDatabase('拨投贷保 support and its rules', (kind) => {
  let database: TestDatabase;
  let world: ChokepointWorld;
  let projectId: number;
  let pendingId: number;
  const supportCount = async () =>
    (
      await database.db
        .select()
        .from(schema.projectSupport)
        .where(eq(schema.projectSupport.projectId, projectId))
    ).length;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertChokepointWorld(database.db);
    const { db } = database;
    const demand = await insertDemand(db, { enterpriseId: world.enterprise.id, title: '卡脖子：预浸料' });
    projectId = await applyForProject(db, world.accounts.enterprise, demand.id, APPLICATION);
    await reviewProject(db, world.accounts.staff, projectId, { decision: 'admit' });
    const pending = await insertDemand(db, { enterpriseId: world.enterprise.id, title: '卡脖子：在审' });
    pendingId = await applyForProject(db, world.accounts.enterprise, pending.id, APPLICATION);
  });
  afterAll(() => database.dispose());

  const loan = (values: Record<string, unknown> = {}) => ({
    kind: 'loan',
    partnerId: String(world.partners.bank.id),
    amount: '20000000',
    grantedOn: '2025-03-01',
    termMonths: '36',
    ratePercent: String(FIXTURE_BENCHMARK_RATE),
    ...values,
  });
  const insurance = (values: Record<string, unknown> = {}) => ({
    kind: 'insurance',
    partnerId: String(world.partners.insurer.id),
    amount: '200000',
    cover: '5000000',
    grantedOn: '2025-03-01',
    ...values,
  });
  const investment = (values: Record<string, unknown> = {}) => ({
    kind: 'investment',
    partnerId: String(world.partners.fund.id),
    amount: '10000000',
    multiplier: '1.5',
    grantedOn: '2025-04-01',
    ...values,
  });
  const refusal = async (input: Record<string, unknown>, user = world.accounts.staff) => {
    const before = await supportCount();
    const error = await recordSupport(database.db, user, projectId, input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await supportCount()).toBe(before);
    return error as ValidationError;
  };

  it('accepts a loan of exactly 20,000,000 yuan for 36 months at the benchmark rate, and computes 0.6% risk compensation', async () => {
    const id = await recordSupport(database.db, world.accounts.staff, projectId, loan());
    const project = await getProjectForUser(database.db, world.accounts.staff, projectId);
    const item = project.support.items.find((entry) => entry.id === id)!;
    expect(item).toMatchObject({
      kind: 'loan',
      amount: 20_000_000,
      termMonths: 36,
      ratePercent: FIXTURE_BENCHMARK_RATE,
      benchmarkRatePercent: FIXTURE_BENCHMARK_RATE,
      collateral: false,
      riskCompensationPercent: 0.6,
      riskCompensation: 120_000,
      partnerName: world.partners.bank.name,
      overriddenRules: [],
    });
  });

  it('refuses 20,000,001 yuan, naming the principal rule', async () => {
    const error = await refusal(loan({ amount: '20000001' }));
    expect(error.details).toEqual({ amount: 'support.rule.loan.principalMax' });
    expect(error.message).toContain('20,000,000 yuan');
  });

  it('refuses a term of 37 months', async () => {
    expect((await refusal(loan({ termMonths: '37' }))).details).toEqual({
      termMonths: 'support.rule.loan.termMax',
    });
  });

  it('refuses a rate a thousandth above the benchmark in force, and any rate when none is in force yet', async () => {
    const above = (FIXTURE_BENCHMARK_RATE * 1000 + 1) / 1000;
    expect((await refusal(loan({ ratePercent: String(above) }))).details).toEqual({
      ratePercent: 'support.rule.loan.rateAboveBenchmark',
    });
    expect((await refusal(loan({ grantedOn: '2023-12-31' }))).details).toEqual({
      ratePercent: 'support.rule.loan.noBenchmark',
    });
  });

  it('follows the benchmark rate set from a later date, leaving earlier loans to the earlier rate', async () => {
    await expect(
      setBenchmarkRate(database.db, world.accounts.staff, { ratePercent: '3.1', effectiveOn: '2026-01-01' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await setBenchmarkRate(database.db, world.accounts.admin, {
      ratePercent: '3.1',
      effectiveOn: '2026-01-01',
    });
    await expect(
      setBenchmarkRate(database.db, world.accounts.admin, { ratePercent: '3.0', effectiveOn: '2026-01-01' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await refusal(loan({ grantedOn: '2026-02-01', amount: '1000000' }))).details).toEqual({
      ratePercent: 'support.rule.loan.rateAboveBenchmark',
    });
    await recordSupport(
      database.db,
      world.accounts.staff,
      projectId,
      loan({ grantedOn: '2026-02-01', amount: '1000000', ratePercent: '3.1' }),
    );
  });

  it('refuses collateral and risk compensation above 0.6%, accepting 0.6% exactly and less', async () => {
    expect((await refusal(loan({ collateral: 'on' }))).details).toEqual({
      collateral: 'support.rule.loan.collateral',
    });
    expect((await refusal(loan({ riskCompensationPercent: '0.601' }))).details).toEqual({
      riskCompensationPercent: 'support.rule.loan.riskCompensationMax',
    });
    const id = await recordSupport(
      database.db,
      world.accounts.staff,
      projectId,
      loan({ amount: '5000000', riskCompensationPercent: '0.5' }),
    );
    const item = (await getProjectForUser(database.db, world.accounts.staff, projectId)).support.items.find(
      (entry) => entry.id === id,
    );
    expect(item?.riskCompensation).toBe(25_000);
  });

  it('accepts a premium subsidy of exactly 50% and refuses 50.01%', async () => {
    const id = await recordSupport(
      database.db,
      world.accounts.staff,
      projectId,
      insurance({ subsidyPercent: '50' }),
    );
    const item = (await getProjectForUser(database.db, world.accounts.staff, projectId)).support.items.find(
      (entry) => entry.id === id,
    );
    expect(item).toMatchObject({
      subsidyPercent: 50,
      subsidy: 100_000,
      cover: 5_000_000,
      partnerName: world.partners.insurer.name,
    });
    expect((await refusal(insurance({ subsidyPercent: '50.01' }))).details).toEqual({
      subsidyPercent: 'support.rule.insurance.subsidyMax',
    });
  });

  it('credits investment at a multiplier from 1.5 to 2 and refuses 1.49 and 2.01', async () => {
    const low = await recordSupport(
      database.db,
      world.accounts.staff,
      projectId,
      investment({ multiplier: '1.5' }),
    );
    const high = await recordSupport(
      database.db,
      world.accounts.staff,
      projectId,
      investment({ multiplier: '2' }),
    );
    const items = (await getProjectForUser(database.db, world.accounts.staff, projectId)).support.items;
    expect(items.find((entry) => entry.id === low)?.creditedAmount).toBe(15_000_000);
    expect(items.find((entry) => entry.id === high)?.creditedAmount).toBe(20_000_000);
    for (const multiplier of ['1.49', '2.01'])
      expect((await refusal(investment({ multiplier }))).details).toEqual({
        multiplier: 'support.rule.investment.multiplierRange',
      });
  });

  it('records a grant with its budget line, and refuses one without', async () => {
    await recordSupport(database.db, world.accounts.staff, projectId, {
      kind: 'grant',
      amount: '3000000',
      grantedOn: '2025-02-01',
      budgetLine: '市级科技创新专项资金',
    });
    expect((await refusal({ kind: 'grant', amount: '1', grantedOn: '2025-02-01' })).details).toEqual({
      budgetLine: 'validation.required',
    });
  });

  it('refuses a partner of the wrong kind', async () => {
    expect((await refusal(loan({ partnerId: String(world.partners.insurer.id) }))).details).toEqual({
      partnerId: 'support.partnerMustBe.bank',
    });
  });

  it('lets only an admin override a rule, with a reason kept on the record and in the audit log', async () => {
    const staffTry = await refusal(loan({ amount: '25000000', overrideReason: '市政府专题会议纪要同意' }));
    expect(staffTry.details).toEqual({
      amount: 'support.rule.loan.principalMax',
      overrideReason: 'support.overrideAdminOnly',
    });
    await refusal(loan({ amount: '25000000' }), world.accounts.admin);
    const id = await recordSupport(
      database.db,
      world.accounts.admin,
      projectId,
      loan({ amount: '25000000', termMonths: '48', overrideReason: '市政府专题会议纪要同意' }),
    );
    const item = (await getProjectForUser(database.db, world.accounts.admin, projectId)).support.items.find(
      (entry) => entry.id === id,
    );
    expect(item).toMatchObject({
      overriddenRules: ['loan.principalMax', 'loan.termMax'],
      overrideReason: '市政府专题会议纪要同意',
      recordedBy: world.accounts.admin.email,
    });
    const [entry] = await findAuditTrail(database.db, 'project_support', [id]);
    expect(entry?.action).toBe('support.recorded_with_override');
  });

  it('adds up the whole package: grants, investment, loans and premium subsidies', async () => {
    const { support } = await getProjectForUser(database.db, world.accounts.enterprise, projectId);
    const sum = (kind: string, pick: (item: (typeof support.items)[number]) => number | null) =>
      support.items
        .filter((item) => item.kind === kind)
        .reduce((total, item) => total + (pick(item) ?? 0), 0);
    expect(support.loans).toBe(sum('loan', (item) => item.amount));
    expect(support.riskCompensation).toBe(sum('loan', (item) => item.riskCompensation));
    expect(support.creditedInvestment).toBe(35_000_000);
    expect(support.total).toBe(support.grants + support.investment + support.loans + support.subsidies);
  });

  it('records support only for admitted projects and only by staff of the chain', async () => {
    await expect(recordSupport(database.db, world.accounts.staff, pendingId, loan())).rejects.toMatchObject({
      details: { status: 'support.notAdmitted' },
    });
    await expect(
      recordSupport(database.db, world.accounts.otherStaff, projectId, loan()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      recordSupport(database.db, world.accounts.enterprise, projectId, loan()),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
