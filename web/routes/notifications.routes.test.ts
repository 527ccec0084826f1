import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import {
  noticeMilestonesFallingDue,
  notifyInterest,
  queueDueDigests,
} from '../../services/notifications/index.js';
import { registerEnterprise } from '../../services/users/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertUser } from '../../test/support/fixtures.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertDemand, insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';

describeEachDatabase('notices in the portal and by mail', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  let firm: PortalSession;
  let member: PortalSession;
  let leader: PortalSession;
  let staff: PortalSession;
  let memberUserId: number;

  const noticesOf = (userId: number) =>
    database.db.select().from(schema.notifications).where(eq(schema.notifications.userId, userId));
  const mailsTo = (address: string) =>
    database.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, address));
  const bellOf = async (session: PortalSession) =>
    Number((await session.agent.get('/')).text.match(/data-unread="(\d*)"/)?.[1] || 0);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertPortalWorld(database.db);
    // A faculty member of their own (not the team's leader), reading in English.
    const [newcomer] = await database.db
      .insert(schema.faculty)
      .values({
        universityId: world.university.id,
        teamId: world.team.id,
        name: '孙晓',
        title: 'lecturer',
        researchDirections: ['热压罐固化', '碳纤维'],
        email: 'sun@example.edu.cn',
      })
      .returning();
    const user = await insertUser(database.db, {
      email: 'sun@example.edu.cn',
      role: 'university',
      facultyId: newcomer!.id,
    });
    await database.db.update(schema.users).set({ locale: 'en' }).where(eq(schema.users.id, user.id));
    memberUserId = user.id;
    app = await createTestApp(database);
    firm = await portalSession(app, 'firm@example.com');
    member = await portalSession(app, 'sun@example.edu.cn');
    leader = await portalSession(app, 'leader@example.edu.cn');
    staff = await portalSession(app, 'staff@example.gov.cn');
  });
  afterAll(async () => {
    await app.matching.stop();
    await database.dispose();
  });

  it('rings the bell when a firm says it is interested, and the notice opens the demand', async () => {
    expect(await bellOf(member)).toBe(0);
    const [sun] = await database.db.select().from(schema.faculty).where(eq(schema.faculty.name, '孙晓'));
    const said = await firm.post(`/demands/${world.publicDemand.id}/interest`, {
      kind: 'faculty',
      profileId: sun!.id,
    });
    expect(said.status).toBe(303);
    expect(await bellOf(member)).toBe(1);
    const inbox = await member.agent.get('/notifications');
    expect(inbox.text).toContain('is interested in you for the demand “碳纤维复合材料固化工艺优化”');
    const [notice] = await noticesOf(memberUserId);
    const opened = await member.agent.get(`/notifications/${notice!.id}`);
    expect(opened.headers.location).toBe(`/matched-demands/${world.publicDemand.id}`);
    expect(await bellOf(member)).toBe(0);
    // In English, at once, with a link back to the notice.
    const [mail] = await mailsTo('sun@example.edu.cn');
    expect(mail!.subject).toMatch(/^XueQi: .* is interested in you/);
    expect(mail!.textBody).toContain(`http://localhost:3000/notifications/${notice!.id}`);
    // The firm that acted is not told of its own click; another user cannot open this notice.
    expect(await bellOf(firm)).toBe(0);
    expect((await leader.agent.get(`/notifications/${notice!.id}`)).status).toBe(404);
  });

  it('marks notices unread and read again from the inbox', async () => {
    const [notice] = await noticesOf(memberUserId);
    await member.post(`/notifications/${notice!.id}/unread`);
    expect(await bellOf(member)).toBe(1);
    expect((await member.agent.get('/notifications?unread=1')).text).toContain(`data-notice="${notice!.id}"`);
    await member.post('/notifications/read-all');
    expect(await bellOf(member)).toBe(0);
  });

  it('tells the firm, then staff when both sides are interested, then both sides when contact is released', async () => {
    const said = await leader.post(`/matched-demands/${world.publicDemand.id}/interest`);
    expect(said.status).toBeLessThan(400);
    const firmNotices = await noticesOf(world.users.enterprise.id);
    expect(firmNotices.map((notice) => notice.kind)).toContain('interest_in_demand');
    const [pair] = await database.db
      .select()
      .from(schema.matchCandidates)
      .where(
        and(
          eq(schema.matchCandidates.demandId, world.publicDemand.id),
          eq(schema.matchCandidates.teamId, world.team.id),
        ),
      );
    // The firm says interested in the team too: both sides now are, and staff are told.
    await firm.post(`/demands/${world.publicDemand.id}/interest`, { kind: 'team', profileId: world.team.id });
    expect((await noticesOf(world.users.staff.id)).map((notice) => notice.kind)).toContain('pair_ready');
    await staff.post(`/staff/queue/${pair!.id}/introduce`);
    for (const userId of [world.users.enterprise.id, world.users.university.id]) {
      const kinds = (await noticesOf(userId)).map((notice) => notice.kind);
      expect(kinds).toContain('introduced');
      expect(kinds).toContain('contact_released');
    }
    await staff.post(`/staff/queue/${pair!.id}/accept`);
    const [collaboration] = await database.db
      .select()
      .from(schema.collaborations)
      .where(eq(schema.collaborations.matchCandidateId, pair!.id));
    expect((await noticesOf(world.users.university.id)).map((notice) => notice.kind)).toContain(
      'collaboration_created',
    );
    await staff.post(`/staff/collaborations/${collaboration!.id}/stage`, { to: 'design_task' });
    const stage = (await noticesOf(world.users.enterprise.id)).find(
      (notice) => notice.kind === 'collaboration_stage',
    );
    expect(stage?.params).toMatchObject({ stage: 'design_task' });
    expect((await firm.agent.get('/notifications')).text).toContain('共同设计研发任务');
  });

  it('writes a milestone notice once when it falls due and once when it is overdue, staff told of overdue', async () => {
    const [collaboration] = await database.db.select().from(schema.collaborations);
    const [milestone] = await database.db
      .insert(schema.milestones)
      .values({
        collaborationId: collaboration!.id,
        stage: 'design_task',
        title: '完成中试方案',
        dueOn: '2030-06-10',
      })
      .returning();
    const dueSoon = new Date('2030-06-05T02:00:00Z');
    const first = await noticeMilestonesFallingDue(database.db, dueSoon);
    expect(first).toBeGreaterThan(0);
    expect(await noticeMilestonesFallingDue(database.db, dueSoon)).toBe(0);
    expect((await noticesOf(world.users.staff.id)).some((notice) => notice.kind === 'milestone_due')).toBe(
      false,
    );
    await noticeMilestonesFallingDue(database.db, new Date('2030-06-11T02:00:00Z'));
    const overdue = (await noticesOf(world.users.staff.id)).find(
      (notice) => notice.kind === 'milestone_overdue',
    );
    expect(overdue?.link).toBe(`/staff/collaborations/${collaboration!.id}`);
    expect(overdue?.params).toMatchObject({ milestone: milestone!.title, dueOn: '2030-06-10' });
  });

  it('gathers notices a user chose to get daily into one digest mail, and none for portal-only', async () => {
    await leader.post('/notifications/settings', {
      interest_in_profile: 'digest',
      introduced: 'portal',
      demand_ranks_you: 'digest',
    });
    const settings = await leader.agent.get('/notifications/settings');
    expect(settings.text).toMatch(/name="interest_in_profile" value="digest"[^>]*checked/);
    const refused = await leader.post('/notifications/settings', { introduced: 'carrier-pigeon' });
    expect(refused.status).toBe(400);
    const before = (await mailsTo('leader@example.edu.cn')).length;
    await firm.post(`/demands/${world.confidentialDemand.id}/interest`, {
      kind: 'team',
      profileId: world.team.id,
    });
    expect((await mailsTo('leader@example.edu.cn')).length).toBe(before);
    const tomorrowMorning = new Date(Date.now() + 36 * 60 * 60 * 1000);
    expect(await queueDueDigests(database.db, tomorrowMorning)).toBeGreaterThan(0);
    expect(await queueDueDigests(database.db, tomorrowMorning)).toBe(0);
    const digests = (await mailsTo('leader@example.edu.cn')).filter((mail) => mail.kind === 'digest');
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest?.subject).toMatch(/^学企每日摘要：\d+ 条新通知$/);
    expect(digest?.textBody).toContain('保密：新型碳纤维预浸料固化体系');
  });

  it('tells admins of a sign-up waiting, and the firm when it is approved', async () => {
    const admin = await portalSession(app, 'admin@example.gov.cn');
    const firmUser = await registerEnterprise(database.db, {
      email: 'new-firm@example.com',
      password: 'a-long-firm-password-7',
      displayName: '新企业',
      enterpriseName: '威海新注册企业',
      industry: '钓具',
      size: 'small',
      contactPhone: '',
      chains: ['fishing_tackle'],
    });
    expect((await admin.agent.get('/notifications')).text).toContain(
      '威海新注册企业（new-firm@example.com）提交了企业注册',
    );
    await admin.post(`/admin/users/${firmUser.id}/approve`);
    expect((await noticesOf(firmUser.id)).map((notice) => notice.kind)).toEqual(['signup_approved']);
    expect((await mailsTo('new-firm@example.com')).length).toBe(1);
    // The chain's brokering notices go to its staff: an admin is offered only what reaches admins.
    const settings = (await admin.agent.get('/notifications/settings')).text;
    expect(settings).toContain('name="signup_waiting"');
    expect(settings).toContain('name="import_finished"');
    expect(settings).not.toContain('name="pair_ready"');
    expect(settings).not.toContain('name="project_submitted"');
  });

  it('tells a team and a faculty member a newly published demand ranks them in its top 10, once', async () => {
    const demand = await insertDemand(database.db, {
      enterpriseId: world.enterprise.id,
      title: '热压罐固化周期缩短与碳纤维预浸料',
      description: '需要缩短碳纤维预浸料的热压罐固化周期，降低孔隙率。',
    });
    await app.matching.suggestCandidates([demand.id]);
    await app.matching.suggestCandidates([demand.id]);
    const ranked = async (userId: number) =>
      (await noticesOf(userId)).filter(
        (notice) => notice.kind === 'demand_ranks_you' && notice.link === `/matched-demands/${demand.id}`,
      );
    expect(await ranked(world.users.university.id)).toHaveLength(1);
    expect(await ranked(memberUserId)).toHaveLength(1);
    expect((await ranked(world.users.university.id))[0]!.params).toMatchObject({
      demand: demand.title,
      rank: 1,
    });
    const draft = await insertDemand(database.db, {
      enterpriseId: world.enterprise.id,
      title: '草稿：热压罐固化',
      status: 'draft',
    });
    await app.matching.suggestCandidates([draft.id]);
    expect(
      (await noticesOf(world.users.university.id)).some(
        (notice) => notice.link === `/matched-demands/${draft.id}`,
      ),
    ).toBe(false);
  });

  it('writes no notice and no mail when the change it belongs to rolls back', async () => {
    const [pair] = await database.db.select().from(schema.matchCandidates);
    const notices = (await database.db.select().from(schema.notifications)).length;
    const mails = (await database.db.select().from(schema.mailOutbox)).length;
    await expect(
      database.db.transaction(async (tx) => {
        await notifyInterest(tx, {
          pairId: pair!.id,
          by: 'enterprise',
          actorUserId: null,
          bothInterested: true,
          released: true,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await database.db.select().from(schema.notifications)).length).toBe(notices);
    expect((await database.db.select().from(schema.mailOutbox)).length).toBe(mails);
  });
});
