import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findAuditTrail } from '../../../services/audit/index.js';
import { acceptMatch, introduceMatch } from '../../../services/brokering/index.js';
import { schema } from '../../../services/db/index.js';
import { logEnterpriseService } from '../../../services/enterprises/index.js';
import { createTestApp } from '../../../test/support/app.js';
import {
  BOTH_INTERESTED,
  insertBrokeringWorld,
  insertCandidate,
  insertDemand,
} from '../../../test/support/brokering.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../../test/support/databases.js';
import { FIXTURE_PASSWORD, insertUser } from '../../../test/support/fixtures.js';
import { type Agent, csrfTokenIn, logInAs } from '../../../test/support/sessions.js';
import type { XueqiApp } from '../../app.js';

const STAFF_PAGES = [
  '/staff/queue',
  '/staff/teams',
  '/staff/collaborations',
  '/staff/dashboard',
  '/staff/enterprises',
  '/staff/report',
];

describeEachDatabase('the staff pages', (kind) => {
  let database: TestDatabase;
  let app: XueqiApp;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  let staff: Agent;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
    await insertUser(database.db, {
      email: 'firm@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    });
    await insertUser(database.db, {
      email: 'team@example.edu.cn',
      role: 'university',
      teamId: world.team.id,
    });
    await insertUser(database.db, { email: 'admin@example.gov.cn', role: 'admin' });
    app = await createTestApp(database);
    staff = await logInAs(app, world.staffUser.email, FIXTURE_PASSWORD);
  });
  afterAll(() => app.stop());

  it('sends an anonymous visitor to log in, refuses enterprises and universities, and serves staff and admins', async () => {
    const firm = await logInAs(app, 'firm@example.com', FIXTURE_PASSWORD);
    const team = await logInAs(app, 'team@example.edu.cn', FIXTURE_PASSWORD);
    const admin = await logInAs(app, 'admin@example.gov.cn', FIXTURE_PASSWORD);
    for (const path of STAFF_PAGES) {
      const anonymous = await request(app.express).get(path);
      expect(anonymous.status, path).toBe(302);
      expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`);
      expect((await firm.get(path)).status, path).toBe(403);
      expect((await team.get(path)).status, path).toBe(403);
      expect((await staff.get(path)).status, path).toBe(200);
      expect((await admin.get(path)).status, path).toBe(200);
    }
    for (const path of ['/admin/users', '/admin/staff']) {
      expect((await staff.get(path)).status, path).toBe(403);
      expect((await firm.get(path)).status, path).toBe(403);
      expect((await admin.get(path)).status, path).toBe(200);
    }
    const token = csrfTokenIn((await firm.get('/')).text);
    expect((await firm.post('/staff/queue/1/accept').type('form').send({ _csrf: token })).status).toBe(403);
  });

  it('introduces and accepts a pair from the queue, then refuses a second accept with a message', async () => {
    const demand = await insertDemand(database.db, world.enterprise.id, { title: '热压罐固化周期缩短' });
    const pair = await insertCandidate(database.db, {
      demandId: demand.id,
      teamId: world.otherTeam.id,
      score: 0.77,
    });
    const queue = await staff.get('/staff/queue?chain=carbon_fiber');
    expect(queue.text).toContain('热压罐固化周期缩短');
    expect(queue.text).toContain('title="匹配度 0–100');
    expect(queue.text).toContain('<b class="score">77</b>');
    const token = csrfTokenIn(queue.text);
    const introduced = await staff
      .post(`/staff/queue/${pair.id}/introduce`)
      .type('form')
      .send({ _csrf: token, back: '/staff/queue?chain=carbon_fiber' });
    expect(introduced.status).toBe(302);
    expect(introduced.headers.location).toBe(`/staff/queue?chain=carbon_fiber#pair-${pair.id}`);
    // Neither side said interested and no agreement is recorded: the pair's page offers no accept
    // button but the form to record an agreement, and a forged post is refused.
    const pairPage = await staff.get(`/staff/queue/${pair.id}`);
    expect(pairPage.text).not.toContain(`/staff/queue/${pair.id}/accept`);
    expect(pairPage.text).toContain(`/staff/queue/${pair.id}/agreement`);
    const refused = await staff
      .post(`/staff/queue/${pair.id}/accept`)
      .type('form')
      .send({ _csrf: token, back: '/staff/queue' });
    expect(refused.headers.location).toBe(`/staff/queue#pair-${pair.id}`);
    expect((await staff.get('/staff/queue')).text).toContain('也没有登记线下达成的一致意见，不能确认达成');
    const incomplete = await staff
      .post(`/staff/queue/${pair.id}/agreement`)
      .type('form')
      .send({ _csrf: token, back: '/staff/queue', enterpriseConfirmedBy: '王总', channel: 'fax' });
    expect(incomplete.status).toBe(302);
    expect(await database.db.select().from(schema.matchAgreements)).toHaveLength(0);
    const recorded = await staff.post(`/staff/queue/${pair.id}/agreement`).type('form').send({
      _csrf: token,
      back: '/staff/queue',
      enterpriseConfirmedBy: '王总（技术副总）',
      universityConfirmedBy: '李教授',
      channel: 'meeting',
      agreedOn: '2026-01-15',
      note: '在园区对接会上双方确认合作意向',
    });
    expect(recorded.status).toBe(302);
    expect((await staff.get('/staff/queue')).text).toContain('已登记双方的一致意见');
    const accepted = await staff.post(`/staff/queue/${pair.id}/accept`).type('form').send({ _csrf: token });
    expect(accepted.headers.location).toMatch(/^\/staff\/collaborations\/\d+$/);
    const page = await staff.get(accepted.headers.location ?? '');
    expect(page.text).toContain('对接已达成');
    expect(page.text).toContain('工作专班登记的线下一致意见');
    expect(page.text).toContain('王总（技术副总）（企业）与 李教授（高校）于 2026-01-15 经面谈确认');
    const trail = await findAuditTrail(database.db, 'match_candidate', [pair.id]);
    expect(trail.map((entry) => entry.action)).toContain('match.agreement_recorded');
    const again = await staff
      .post(`/staff/queue/${pair.id}/accept`)
      .type('form')
      .send({ _csrf: token, back: '/staff/queue' });
    expect(again.status).toBe(302);
    expect((await staff.get('/staff/queue')).text).toContain('该匹配对已达成，状态不可再更改');
    const declined = await staff
      .post('/staff/queue/99999/decline')
      .type('form')
      .send({ _csrf: token, reason: 'other' });
    expect(declined.status).toBe(404);
  });

  it('refuses moving a collaboration back without a note, and shows the history', async () => {
    const [collaboration] = await database.db.select().from(schema.collaborations);
    const path = `/staff/collaborations/${collaboration!.id}`;
    const token = csrfTokenIn((await staff.get(path)).text);
    await staff.post(`${path}/stage`).type('form').send({ _csrf: token, to: 'design_task' });
    await staff.post(`${path}/stage`).type('form').send({ _csrf: token, to: 'refine_demand', note: '' });
    const page = await staff.get(`${path}?lang=en`);
    expect(page.text).toContain('Moving back a stage needs a note saying why.');
    expect(page.text).toContain('Stage advanced');
    const [row] = await database.db
      .select()
      .from(schema.collaborations)
      .where(eq(schema.collaborations.id, collaboration!.id));
    expect(row!.stage).toBe('design_task');
    await staff.get('/staff/queue?lang=zh-CN');
  });

  it('shows on the report page exactly what SQL counts for the period, and offers the XLSX', async () => {
    const { db } = database;
    const demand = await insertDemand(db, world.enterprise.id, { demandClass: 'disruptive' });
    const pair = await insertCandidate(db, {
      demandId: demand.id,
      teamId: world.secondTeam.id,
      ...BOTH_INTERESTED,
    });
    await introduceMatch(db, world.actor, pair.id);
    await acceptMatch(db, world.actor, pair.id);
    await logEnterpriseService(db, world.actor, world.staffMember.id, {
      enterpriseId: world.enterprise.id,
      servedOn: '2026-01-10',
      kind: 'visit',
      note: '',
    });
    const year = new Date().getUTCFullYear();
    const from = `${year - 1}-01-01`;
    const to = `${year}-12-31`;
    const page = await staff.get(`/staff/report?from=${from}&to=${to}`);
    const figure = (name: string) =>
      Number(page.text.match(new RegExp(`data-figure="${name}">([\\d,]+)<`))?.[1]?.replace(/,/g, ''));
    const scalar = async (query: ReturnType<typeof sql>) => {
      const result = (await db.execute(query)) as unknown as { rows: { value: number }[] };
      return Number(result.rows[0]!.value);
    };
    expect(figure('collaborationsBrokered')).toBe(
      await scalar(
        sql`select count(*) as value from collaborations where started_on between ${from} and ${to}`,
      ),
    );
    expect(figure('matchesReached')).toBe(
      await scalar(sql`select count(*) as value from match_candidates where status = 'accepted'`),
    );
    expect(figure('enterprisesServed')).toBe(
      await scalar(sql`select count(distinct enterprise_id) as value from enterprise_services`),
    );
    expect(figure('servicesGiven')).toBe(
      await scalar(sql`select count(*) as value from enterprise_services`),
    );
    expect(figure('demands')).toBe(await scalar(sql`select count(*) as value from demands`));
    expect(figure('class.disruptive')).toBe(
      await scalar(sql`select count(*) as value from demands where demand_class = 'disruptive'`),
    );
    expect(figure('collaborationsBrokered')).toBeGreaterThanOrEqual(2);

    const xlsx = await staff
      .get(`/staff/report.xlsx?from=${from}&to=${to}`)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const summary = workbook.getWorksheet('总览')!;
    expect(summary.getRow(2).values).toEqual([undefined, '促成产学研合作', figure('collaborationsBrokered')]);
    expect(summary.getRow(3).values).toEqual([undefined, '达成对接', figure('matchesReached')]);
    const reversed = await staff.get('/staff/report?from=2026-05-01&to=2026-01-01&lang=en');
    expect(reversed.status).toBe(400);
    expect(reversed.text).toContain('The end date cannot be before the start date.');
    expect(reversed.text).toContain('value="2026-01-01"');
  });

  it('serves ECharts from the app and gives every chart a table', async () => {
    const script = await request(app.express).get('/vendor/echarts/echarts.min.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    const dashboard = await staff.get('/staff/dashboard?chain=carbon_fiber');
    expect(dashboard.text).toContain('/vendor/echarts/echarts.min.js');
    expect(dashboard.text).toContain('data-chart="{&quot;type&quot;:&quot;bar&quot;');
    expect(dashboard.text).toContain('id="funnel-table"');
    expect(dashboard.text).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('lets an admin approve a pending enterprise and assign staff to a chain; staff cannot', async () => {
    const pending = await insertUser(database.db, {
      email: 'new-firm@example.com',
      role: 'enterprise',
      status: 'pending',
      enterpriseId: world.enterprise.id,
    });
    const admin = await logInAs(app, 'admin@example.gov.cn', FIXTURE_PASSWORD);
    const page = await admin.get('/admin/users?status=pending');
    expect(page.text).toContain('new-firm@example.com');
    const token = csrfTokenIn(page.text);
    expect(
      (await admin.post(`/admin/users/${pending.id}/approve`).type('form').send({ _csrf: token })).status,
    ).toBe(302);
    const [approved] = await database.db.select().from(schema.users).where(eq(schema.users.id, pending.id));
    expect(approved!.status).toBe('active');
    await admin
      .post(`/admin/staff/${world.staffMember.id}/chain`)
      .type('form')
      .send({ _csrf: token, chainCode: 'medical' });
    const [member] = await database.db
      .select()
      .from(schema.staff)
      .where(eq(schema.staff.id, world.staffMember.id));
    expect(member!.chainCode).toBe('medical');
    // The staff member's next page opens on the new chain: it is read with their session.
    const queue = await staff.get('/staff/queue');
    expect(queue.text).toMatch(/<h1>[^<]*· Pharma &amp; medical devices<\/h1>/);
    const staffToken = csrfTokenIn(queue.text);
    expect(
      (await staff.post(`/admin/users/${pending.id}/disable`).type('form').send({ _csrf: staffToken }))
        .status,
    ).toBe(403);
  });
});
