import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import {
  APPLICATION,
  type ChokepointWorld,
  insertChokepointWorld,
} from '../../test/support/chokepoint-world.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertDemand } from '../../test/support/portal-world.js';

/** Reads a download whole, as the browser saves it. */
function binary(
  response: { on(event: string, listener: (chunk: Buffer) => void): unknown },
  done: (error: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

describeEachDatabase('the library and consortium pages', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: ChokepointWorld;
  let firm: PortalSession;
  let staff: PortalSession;
  let admin: PortalSession;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertChokepointWorld(database.db);
    app = await createTestApp(database, { loginLimit: 1_000 });
    firm = await portalSession(app, world.users.enterprise.email);
    staff = await portalSession(app, world.users.staff.email);
    admin = await portalSession(app, world.users.admin.email);
  });
  afterAll(() => app.stop());

  it('lets a firm apply through the form, shows the problems of a bad one, and staff admit it and record support', async () => {
    const demand = await insertDemand(database.db, {
      enterpriseId: world.enterprise.id,
      title: '卡脖子：页面申报',
    });
    const list = await firm.agent.get('/projects');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/projects/apply?demand=${demand.id}`);
    const form = await firm.agent.get(`/projects/apply?demand=${demand.id}`);
    expect(form.status).toBe(200);
    const bad = await firm.post('/projects', { demandId: demand.id, ...APPLICATION, budget: 'abc' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请输入大于 0 的金额');
    const applied = await firm.post('/projects', { demandId: demand.id, ...APPLICATION });
    expect(applied.status).toBe(303);
    const id = Number(applied.headers.location!.split('/').pop());
    expect((await firm.agent.get(`/projects/${id}`)).text).toContain('审核中');

    const library = await staff.agent.get('/staff/projects?chain=carbon_fiber&status=submitted');
    expect(library.status).toBe(200);
    expect(library.text).toContain(APPLICATION.title);
    expect(library.text).toMatch(/data-count="submitted">1</);
    const page = await staff.agent.get(`/staff/projects/${id}`);
    expect(page.text).toContain('同意入库');
    const admitted = await staff.post(`/staff/projects/${id}/review`, { decision: 'admit' });
    expect(admitted.headers.location).toBe(`/staff/projects/${id}`);

    const refused = await staff.post(`/staff/projects/${id}/support`, {
      kind: 'loan',
      partnerId: world.partners.bank.id,
      amount: '20000001',
      grantedOn: '2025-05-01',
      termMonths: '36',
      ratePercent: '3.45',
    });
    expect(refused.status).toBe(302);
    expect((await staff.agent.get(`/staff/projects/${id}`)).text).toContain(
      '规则：卡脖子攻关贷额度不超过 2000 万元',
    );
    await staff.post(`/staff/projects/${id}/support`, {
      kind: 'loan',
      partnerId: world.partners.bank.id,
      amount: '20000000',
      grantedOn: '2025-05-01',
      termMonths: '36',
      ratePercent: '3.45',
      riskCompensationPercent: '0.6',
    });
    await admin.post(`/staff/projects/${id}/support`, {
      kind: 'insurance',
      partnerId: world.partners.insurer.id,
      amount: '300000',
      cover: '8000000',
      grantedOn: '2025-05-01',
      subsidyPercent: '60',
      overrideReason: '首批试点保单',
    });
    const detail = await firm.agent.get(`/projects/${id}`);
    expect(detail.text).toMatch(/data-figure="loans">20,000,000</);
    expect(detail.text).toMatch(/data-figure="riskCompensation">120,000</);
    expect(detail.text).toMatch(/data-figure="subsidies">180,000</);
    expect(detail.text).toMatch(/data-figure="total">20,180,000</);
    expect(detail.text).toContain('首批试点保单');
  });

  it('shows the library, support and consortia on the dashboard and in the annual report’s XLSX', async () => {
    const dashboard = await staff.agent.get('/staff/dashboard?chain=carbon_fiber');
    expect(dashboard.text).toMatch(/data-figure="support.loan.amount">20,000,000</);
    expect(dashboard.text).toMatch(/data-figure="projects.admitted">1</);
    const year = new Date().getFullYear();
    const report = await staff.agent.get(`/staff/report?from=2025-01-01&to=${year}-12-31`);
    expect(report.text).toMatch(/data-figure="support.insurance.items">1</);
    const xlsx = await staff.agent
      .get(`/staff/report.xlsx?from=2025-01-01&to=${year}-12-31`)
      .buffer(true)
      .parse(binary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const support = workbook.getWorksheet('拨投贷保')!;
    const loanRow = support.getRows(2, 4)!.find((row) => String(row.getCell(1).value).startsWith('贷'))!;
    expect(loanRow.getCell(4).value).toBe(20_000_000);
    expect(workbook.getWorksheet('卡脖子项目库')).toBeDefined();
    expect(workbook.getWorksheet('创新联合体')).toBeDefined();
  });

  it('exports the library as XLSX and CSV with the filter applied', async () => {
    const xlsx = await staff.agent
      .get('/staff/projects/export?chain=carbon_fiber&format=xlsx')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const projectRows = await database.db
      .select()
      .from(schema.chokepointProjects)
      .where(eq(schema.chokepointProjects.chainCode, 'carbon_fiber'));
    expect(sheet.rowCount - 1).toBe(projectRows.length);
    const csv = await staff.agent.get('/staff/projects/export?chain=marine_equipment&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\n')).toHaveLength(1);
    expect((await staff.agent.get('/staff/lists/export?list=projects&format=csv')).status).toBe(200);
  });

  it('serves the consortium pages to staff and to members, and lets staff mark a member’s demand as a task', async () => {
    const created = await staff.post('/staff/consortia', {
      name: '智能快递物流创新联合体',
      leadEnterpriseId: world.enterprise.id,
      technologyLine: '碳纤维轻量化物流装备',
      chainCode: 'carbon_fiber',
    });
    expect(created.status).toBe(302);
    const id = Number(created.headers.location!.split('/').pop());
    await staff.post(`/staff/consortia/${id}/members`, {
      kind: 'team',
      memberId: world.team.id,
      role: 'supporting',
    });
    await staff.post(`/staff/consortia/${id}/tasks`, { demandId: world.publicDemand.id });
    const page = await staff.agent.get(`/staff/consortia/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(world.team.nameZh);
    expect(page.text).toContain(world.publicDemand.title);
    expect(page.text).toContain('id="ranking"');
    const memberPage = await firm.agent.get(`/consortia/${id}`);
    expect(memberPage.status).toBe(200);
    expect(memberPage.text).toContain(world.publicDemand.title);
    expect(memberPage.text).not.toContain('id="ranking"');
    expect((await firm.agent.get('/consortia')).text).toContain('智能快递物流创新联合体');
    const outsider = await portalSession(app, world.users.otherUniversity.email);
    expect((await outsider.agent.get(`/consortia/${id}`)).status).toBe(404);
  });

  it('shows partners and the benchmark rate, which only an admin sets', async () => {
    expect((await staff.agent.get('/staff/partners')).text).toContain(world.partners.bank.name);
    await staff.post('/staff/benchmark-rates', { ratePercent: '3.2', effectiveOn: '2027-01-01' });
    const rates = await database.db.select().from(schema.benchmarkRates);
    expect(rates).toHaveLength(1);
    await admin.post('/staff/benchmark-rates', { ratePercent: '3.2', effectiveOn: '2027-01-01' });
    expect(await database.db.select().from(schema.benchmarkRates)).toHaveLength(2);
  });
});
