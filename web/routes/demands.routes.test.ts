import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { todayInCity } from '../../services/shared/city-date.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';

const validDemand = {
  title: '碳纤维缠绕气瓶内胆缺陷检测',
  description: '需要对碳纤维缠绕复合材料气瓶进行在线无损检测，识别分层与孔隙。',
  chainCode: 'carbon_fiber',
  demandClass: 'systemic',
  expectedTrl: '6',
  budgetMin: '50',
  budgetMax: '120',
  deadline: '',
  visibility: 'public',
};

describeEachDatabase('the enterprise journey', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  let firm: PortalSession;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertPortalWorld(database.db);
    app = await createTestApp(database);
    firm = await portalSession(app, 'firm@example.com');
  });
  afterAll(() => app.stop());

  async function auditActions(entityType: string, entityId: number) {
    const rows = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, entityType), eq(schema.auditLog.entityId, String(entityId))));
    return rows.map((row) => row.action);
  }

  it('lists only its own demands, drafts included', async () => {
    const page = await firm.agent.get('/demands/mine').expect(200);
    expect(page.text).toContain(world.publicDemand.title);
    expect(page.text).toContain(world.draftDemand.title);
    expect(page.text).not.toContain(world.otherDemand.title);
  });

  it('publishes a demand, audits it and shows the teams and faculty ranked for it with why', async () => {
    const response = await firm.post('/demands', { ...validDemand, intent: 'publish' });
    expect(response.status).toBe(303);
    const id = Number(response.headers.location?.split('/').pop());
    const [stored] = await database.db.select().from(schema.demands).where(eq(schema.demands.id, id));
    expect(stored).toMatchObject({ status: 'published', expectedTrl: 6, budgetMin: 50, budgetMax: 120 });
    expect(await auditActions('demand', id)).toEqual(['demand.created']);
    const page = await firm.agent.get(`/demands/${id}`).expect(200);
    expect(page.text).toContain('需求已发布');
    expect(page.text).toContain(world.team.nameZh);
    expect(page.text).toContain(world.member.name);
    expect(page.text).toMatch(/匹配词：[^<]*碳纤维[^<]*%/);
  });

  it('saves a draft that the matcher does not offer to universities', async () => {
    const response = await firm.post('/demands', { ...validDemand, title: '草稿需求二', intent: 'draft' });
    const id = Number(response.headers.location?.split('/').pop());
    const [stored] = await database.db.select().from(schema.demands).where(eq(schema.demands.id, id));
    expect(stored?.status).toBe('draft');
    const ranked = await app.matching.rankDemandsForProfile('team', world.team.id, 50);
    expect(ranked.map((demand) => demand.id)).not.toContain(id);
  });

  it('re-renders the form with every field problem in Chinese and keeps what was typed', async () => {
    const response = await firm.post('/demands', {
      ...validDemand,
      title: '',
      description: '保留这段描述',
      expectedTrl: '12',
      budgetMin: '200',
      budgetMax: '100',
      deadline: '2001-01-01',
      chainCode: 'moon',
      intent: 'publish',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('此项必填。');
    expect(response.text).toContain('技术成熟度应为 1 到 9 的整数。');
    expect(response.text).toContain('预算下限不能高于上限。');
    expect(response.text).toContain('截止日期不能早于今天。');
    expect(response.text).toContain('请选择一项。');
    expect(response.text).toContain('保留这段描述');
    expect(response.text).toContain('value="12"');
    expect(response.text).toContain('value="2001-01-01"');
  });

  it('says the same in English to an English reader', async () => {
    const english = await portalSession(app, 'firm@example.com', 'en');
    const response = await english.post('/demands', {
      ...validDemand,
      expectedTrl: 'abc',
      deadline: '2030-02-30',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('TRL is a whole number from 1 to 9.');
    expect(response.text).toContain('Enter a valid date as YYYY-MM-DD.');
    expect(response.text).toContain('value="abc"');
  });

  it('refuses a second demand with the same title as a field problem, not a crash', async () => {
    const response = await firm.post('/demands', { ...validDemand, title: world.publicDemand.title });
    expect(response.status).toBe(400);
    expect(response.text).toContain('您已有同名需求');
  });

  it('shows HTML typed into a demand as text', async () => {
    const response = await firm.post('/demands', {
      ...validDemand,
      title: '<script>alert(1)</script>需求',
      description: '<img src=x onerror=alert(1)> 碳纤维',
      intent: 'publish',
    });
    const id = Number(response.headers.location?.split('/').pop());
    const page = await firm.agent.get(`/demands/${id}`).expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;需求');
  });

  it('edits a demand, auditing what changed, and accepts an unchanged past deadline', async () => {
    await database.db
      .update(schema.demands)
      .set({ deadline: '2020-01-01' })
      .where(eq(schema.demands.id, world.publicDemand.id));
    const form = await firm.agent.get(`/demands/${world.publicDemand.id}/edit`).expect(200);
    expect(form.text).toContain('value="2020-01-01"');
    const response = await firm.post(`/demands/${world.publicDemand.id}`, {
      ...validDemand,
      title: world.publicDemand.title,
      description: `${world.publicDemand.description} 另需降低孔隙率。`,
      deadline: '2020-01-01',
      intent: 'keep',
    });
    expect(response.status).toBe(303);
    const [entry] = await database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'demand.updated'),
          eq(schema.auditLog.entityId, String(world.publicDemand.id)),
        ),
      );
    expect(entry?.after).toMatchObject({ description: expect.stringContaining('孔隙率') });
    expect(entry?.before).not.toHaveProperty('title');
  });

  it('filters faculty by doctoral supervisor and title with a GET form', async () => {
    const supervisors = await firm.agent
      .get(`/demands/${world.publicDemand.id}?doctoralSupervisor=1&title=professor`)
      .expect(200);
    expect(supervisors.text).toContain(`id="candidate-faculty-${world.member.id}"`);
    expect(supervisors.text).toMatch(/name="doctoralSupervisor" value="1" checked/);
    expect(supervisors.text).toMatch(/<option value="professor" selected>/);
    const lecturers = await firm.agent.get(`/demands/${world.publicDemand.id}?title=lecturer`).expect(200);
    expect(lecturers.text).not.toContain(`id="candidate-faculty-${world.member.id}"`);
    expect(lecturers.text).toMatch(/<option value="lecturer" selected>/);
    const nonsense = await firm.agent
      .get(`/demands/${world.publicDemand.id}?chain=<b>&university=x`)
      .expect(200);
    expect(nonsense.text).toContain(world.team.nameZh);
  });

  it('says interested in a team: the pair waits for staff as suggested, once, audited', async () => {
    const path = `/demands/${world.publicDemand.id}/interest`;
    const response = await firm.post(path, {
      kind: 'team',
      profileId: String(world.team.id),
      back: '?chain=carbon_fiber',
    });
    expect(response.status).toBe(303);
    // Back to the same filtered list, at the card the button was on.
    expect(response.headers.location).toBe(
      `/demands/${world.publicDemand.id}?chain=carbon_fiber#candidate-team-${world.team.id}`,
    );
    await firm.post(path, { kind: 'team', profileId: String(world.team.id) });
    const rows = await database.db
      .select()
      .from(schema.matchCandidates)
      .where(eq(schema.matchCandidates.demandId, world.publicDemand.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'suggested',
      enterpriseInterested: true,
      profileInterested: false,
    });
    expect(rows[0]!.score).toBeGreaterThan(0);
    expect(await auditActions('match_candidate', rows[0]!.id)).toEqual(['match.enterprise_interested']);
    const page = await firm.agent.get(`/demands/${world.publicDemand.id}`);
    expect(page.text).toContain('已表达意向');
  });

  it('answers an unknown candidate or a draft demand without a server error', async () => {
    const unknown = await firm.post(`/demands/${world.publicDemand.id}/interest`, {
      kind: 'team',
      profileId: '99999',
    });
    expect(unknown.status).toBe(404);
    const noKind = await firm.post(`/demands/${world.publicDemand.id}/interest`, {
      kind: 'x',
      profileId: '1',
    });
    expect(noKind.status).toBe(404);
    const draft = await firm.post(`/demands/${world.draftDemand.id}/interest`, {
      kind: 'team',
      profileId: String(world.team.id),
    });
    expect(draft.status).toBe(409);
    await database.db.insert(schema.matchCandidates).values({
      demandId: world.publicDemand.id,
      facultyId: world.otherMember.id,
      score: 0.1,
      status: 'declined',
      declineReason: 'expertise_mismatch',
    });
    const declined = await firm.post(`/demands/${world.publicDemand.id}/interest`, {
      kind: 'faculty',
      profileId: String(world.otherMember.id),
    });
    expect(declined.status).toBe(409);
  });

  it('closes a demand once; a closed demand can no longer be edited', async () => {
    const [demand] = await database.db
      .insert(schema.demands)
      .values({
        ...validDemand,
        expectedTrl: 5,
        budgetMin: null,
        budgetMax: null,
        deadline: todayInCity(),
        title: '待关闭',
        enterpriseId: world.enterprise.id,
        status: 'published',
        demandClass: 'chain',
      })
      .returning();
    expect((await firm.post(`/demands/${demand!.id}/close`)).status).toBe(303);
    expect((await firm.post(`/demands/${demand!.id}/close`)).status).toBe(409);
    expect((await firm.post(`/demands/${demand!.id}`, { ...validDemand, title: '改名' })).status).toBe(409);
    expect((await firm.agent.get(`/demands/${demand!.id}/edit`)).status).toBe(404);
    expect(await auditActions('demand', demand!.id)).toEqual(['demand.closed']);
  });

  it('keeps the company profile, with field messages on bad input', async () => {
    const bad = await firm.post('/company', {
      industry: '',
      size: 'huge',
      contactName: '刘经理',
      contactEmail: 'nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请输入有效的邮箱地址。');
    const good = await firm.post('/company', {
      industry: '碳纤维复合材料',
      size: 'large',
      description: '<b>领先</b>的复材企业',
      contactName: '刘经理',
      contactPhone: '0631-1234567',
      contactEmail: 'liu@example.com',
    });
    expect(good.status).toBe(303);
    const page = await firm.agent.get('/company');
    expect(page.text).toContain('&lt;b&gt;领先&lt;/b&gt;的复材企业');
    expect(await auditActions('enterprise', world.enterprise.id)).toEqual(['enterprise.updated']);
  });
});

describe('the demand form without a database', () => {
  it('knows today by the calendar in Weihai', () => {
    expect(todayInCity(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });
});
