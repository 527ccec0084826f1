import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';

describeEachDatabase('the university journey', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  let leader: PortalSession;
  let shipLeader: PortalSession;
  let firm: PortalSession;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertPortalWorld(database.db);
    app = await createTestApp(database);
    leader = await portalSession(app, 'leader@example.edu.cn');
    shipLeader = await portalSession(app, 'other-leader@example.edu.cn');
    firm = await portalSession(app, 'firm@example.com');
  });
  afterAll(() => app.stop());

  const candidatesPage = () => firm.agent.get(`/demands/${world.publicDemand.id}`).expect(200);

  it('shows the team, the faculty member, works and results to keep', async () => {
    const page = await leader.agent.get('/profile').expect(200);
    expect(page.text).toContain(world.team.nameZh);
    expect(page.text).toContain(world.member.name);
    expect(page.text).toContain(world.work.title);
    expect(page.text).toContain(world.result.title);
    expect(page.text).toContain('复合材料成型\n树脂基碳纤维');
  });

  it('re-ranks a demand at once when a team rewrites its profile, and audits the edit', async () => {
    expect((await candidatesPage()).text).not.toContain(world.otherTeam.nameZh);
    const response = await shipLeader.post('/profile/team', {
      researchDirections: '碳纤维复合材料\n热压罐固化工艺',
      description: '碳纤维复合材料热压罐固化工艺、树脂基复合材料成型与孔隙率控制。',
    });
    expect(response.status).toBe(303);
    expect((await candidatesPage()).text).toContain(world.otherTeam.nameZh);
    const matched = await shipLeader.agent.get('/matched-demands').expect(200);
    expect(matched.text).toContain(world.publicDemand.title);
    const [entry] = await database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'team.updated'),
          eq(schema.auditLog.entityId, String(world.otherTeam.id)),
        ),
      );
    expect(entry?.before).toMatchObject({ researchDirections: ['船舶振动', '噪声控制'] });
  });

  it('re-ranks faculty when a work is added, edited and removed', async () => {
    const facultyRank = async () =>
      (
        await app.matching.rankProfiles((await app.matching.demandQuery(world.publicDemand.id))!, {
          kind: 'faculty',
        })
      ).map((profile) => profile.id);
    expect(await facultyRank()).not.toContain(world.otherMember.id);
    expect(
      (
        await shipLeader.post('/profile/works', {
          kind: 'patent',
          title: '碳纤维预浸料热压罐固化孔隙率控制方法',
          year: '2024',
        })
      ).status,
    ).toBe(303);
    expect(await facultyRank()).toContain(world.otherMember.id);
    const [work] = await database.db
      .select()
      .from(schema.works)
      .where(eq(schema.works.title, '碳纤维预浸料热压罐固化孔隙率控制方法'));
    expect(
      (
        await shipLeader.post(`/profile/works/${work!.id}`, {
          kind: 'paper',
          title: '船舶轴系振动',
          year: '',
        })
      ).status,
    ).toBe(303);
    expect(await facultyRank()).not.toContain(world.otherMember.id);
    expect((await shipLeader.post(`/profile/works/${work!.id}/delete`)).status).toBe(303);
    expect(await database.db.select().from(schema.works).where(eq(schema.works.id, work!.id))).toHaveLength(
      0,
    );
    const actions = await database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, 'work'), eq(schema.auditLog.entityId, String(work!.id))));
    expect(actions.map((row) => row.action)).toEqual(['work.created', 'work.updated', 'work.deleted']);
  });

  it('re-renders a work form with messages and the typed values; a duplicate title is a field problem', async () => {
    const bad = await leader.post('/profile/works', {
      kind: 'poem',
      title: '',
      summary: '<i>保留</i>',
      year: '1800',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请选择一项。');
    expect(bad.text).toContain('年份应在 1950 到 2100 之间。');
    expect(bad.text).toContain('&lt;i&gt;保留&lt;/i&gt;');
    const duplicate = await leader.post('/profile/works', { kind: 'patent', title: world.work.title });
    expect(duplicate.status).toBe(400);
    expect(duplicate.text).toContain('已有同名条目。');
  });

  it('adds and edits results ready for industry, re-indexed for public search', async () => {
    expect(
      (
        await leader.post('/profile/results', {
          title: '低温快速固化环氧树脂体系',
          summary: '120℃固化',
          trl: '5',
          ipStatus: 'patent_pending',
        })
      ).status,
    ).toBe(303);
    const library = await firm.agent
      .get(`/results?q=${encodeURIComponent('低温快速固化环氧树脂')}`)
      .expect(200);
    expect(library.text).toContain('低温快速固化环氧树脂体系');
    const bad = await leader.post(`/profile/results/${world.result.id}`, {
      title: '快速固化预浸料',
      trl: '0',
      ipStatus: 'none',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('技术成熟度应为 1 到 9 的整数。');
    expect(
      (
        await leader.post(`/profile/results/${world.result.id}`, {
          title: '快速固化预浸料（第二代）',
          trl: '7',
          ipStatus: 'patent_granted',
        })
      ).status,
    ).toBe(303);
    const [stored] = await database.db
      .select()
      .from(schema.results)
      .where(eq(schema.results.id, world.result.id));
    expect(stored).toMatchObject({ trl: 7, ipStatus: 'patent_granted' });
  });

  it('keeps the profile form’s typed values and messages in English', async () => {
    const english = await portalSession(app, 'leader@example.edu.cn', 'en');
    const response = await english.post('/profile/faculty', { researchDirections: '', bio: '保留的简介' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('This field is required.');
    expect(response.text).toContain('保留的简介');
  });

  it('hides a confidential demand until staff introduce the team, then shows it and its firm', async () => {
    const id = world.confidentialDemand.id;
    expect((await leader.agent.get('/matched-demands')).text).not.toContain(world.confidentialDemand.title);
    expect((await leader.agent.get(`/matched-demands/${id}`)).status).toBe(404);
    expect((await leader.post(`/matched-demands/${id}/interest`)).status).toBe(404);
    await database.db.insert(schema.matchCandidates).values({
      demandId: id,
      teamId: world.team.id,
      score: 0.5,
      status: 'introduced',
      introducedAt: new Date(),
    });
    expect((await leader.agent.get('/matched-demands')).text).toContain(world.confidentialDemand.title);
    const page = await leader.agent.get(`/matched-demands/${id}`).expect(200);
    expect(page.text).toContain(world.enterprise.name);
    expect(page.text).not.toContain(world.enterprise.contactPhone);
    expect((await shipLeader.agent.get(`/matched-demands/${id}`)).status).toBe(404);
  });

  it('releases contact details only when both sides said interested and staff introduced them', async () => {
    const id = world.confidentialDemand.id;
    const firmIntroductions = () => firm.agent.get('/introductions').expect(200);
    const leaderIntroductions = () => leader.agent.get('/introductions').expect(200);
    expect((await leader.post(`/matched-demands/${id}/interest`)).status).toBe(303);
    expect((await leaderIntroductions()).text).not.toContain(world.enterprise.contactPhone);
    expect((await firmIntroductions()).text).not.toContain(world.member.phone!);
    expect(
      (await firm.post(`/demands/${id}/interest`, { kind: 'team', profileId: String(world.team.id) })).status,
    ).toBe(303);
    expect((await leaderIntroductions()).text).toContain(world.enterprise.contactPhone);
    expect((await firmIntroductions()).text).toContain(world.member.phone!);
    expect((await shipLeader.agent.get('/introductions')).text).not.toContain(world.enterprise.contactPhone);
  });

  it('tells both sides why a pair was declined, without revealing a confidential demand it never saw', async () => {
    await database.db.insert(schema.matchCandidates).values({
      demandId: world.otherDemand.id,
      teamId: world.otherTeam.id,
      score: 0.4,
      status: 'declined',
      declineReason: 'capacity_full',
      enterpriseInterested: true,
    });
    const page = await shipLeader.agent.get('/introductions').expect(200);
    expect(page.text).toContain('团队任务已满');
    expect(page.text).toContain('一项保密需求');
    expect(page.text).not.toContain(world.otherDemand.title);
    const english = await portalSession(app, 'other-firm@example.com', 'en');
    const firmPage = await english.agent.get('/introductions').expect(200);
    expect(firmPage.text).toContain('Team at capacity');
    expect(firmPage.text).toContain(world.otherTeam.nameZh);
  });

  it('says interested in a public demand once, audited, leaving the status to staff', async () => {
    const id = world.publicDemand.id;
    expect((await shipLeader.post(`/matched-demands/${id}/interest`)).status).toBe(303);
    expect((await shipLeader.post(`/matched-demands/${id}/interest`)).status).toBe(303);
    const rows = await database.db
      .select()
      .from(schema.matchCandidates)
      .where(
        and(eq(schema.matchCandidates.demandId, id), eq(schema.matchCandidates.teamId, world.otherTeam.id)),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'suggested', profileInterested: true });
    const page = await shipLeader.agent.get(`/matched-demands/${id}`).expect(200);
    expect(page.text).toContain('已表达意向');
  });
});
