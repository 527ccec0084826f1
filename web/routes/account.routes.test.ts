import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertSmallWorld, insertUser } from '../../test/support/fixtures.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { csrfTokenFor, logInAs } from '../../test/support/sessions.js';

const NEW_PASSWORD = 'blue-kite-harbour-91';

describeEachDatabase('bringing people in: invitations, reset and change of password', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let admin: PortalSession;
  let world: Awaited<ReturnType<typeof insertSmallWorld>>;

  /** The newest mail to an address, as the outbox holds it, and the portal link in it. */
  async function lastMailTo(address: string) {
    const mails = await database.db
      .select()
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.toAddress, address))
      .orderBy(schema.mailOutbox.id);
    const mail = mails.at(-1);
    const link = mail?.textBody.match(/http:\/\/localhost:3000(\/account\/\S+)/)?.[1] ?? null;
    return { mail, link, count: mails.length };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertSmallWorld(database.db);
    await database.db.insert(schema.faculty).values([
      { universityId: world.university.id, name: '周格式', title: 'lecturer', email: 'not an email' },
      { universityId: world.university.id, name: '吴无邮', title: 'lecturer', email: null },
      { universityId: world.university.id, name: '郑新人', title: 'lecturer', email: 'zheng@example.edu.cn' },
      { universityId: world.university.id, name: '钱已用', title: 'lecturer', email: 'admin@example.gov.cn' },
    ]);
    await insertUser(database.db, { email: 'admin@example.gov.cn', role: 'admin' });
    app = await createTestApp(database);
    admin = await portalSession(app, 'admin@example.gov.cn');
  });
  afterAll(async () => {
    await app.matching.stop();
    await database.dispose();
  });

  it('previews a bulk invitation, naming who is skipped and why, and writes nothing', async () => {
    const preview = await admin.post('/invitations/bulk/preview', {
      kind: 'faculty',
      university: world.university.id,
    });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('将向 2 人发送邀请');
    expect(preview.text).toMatch(/1 人的邮箱格式不正确[\s\S]*周格式[\s\S]*not an email/);
    expect(preview.text).toMatch(/1 人的邮箱已被其他账号使用[\s\S]*钱已用/);
    expect(preview.text).toContain('1 人没有邮箱');
    expect(await database.db.select().from(schema.invitations)).toHaveLength(0);
  });

  it('invites everyone with a good address and no account, in one go, each with their own link', async () => {
    const done = await admin.post('/invitations/bulk', { kind: 'faculty', university: world.university.id });
    expect(done.text).toContain('已向 2 人发送邀请');
    const invitations = await database.db.select().from(schema.invitations);
    expect(invitations.map((invitation) => invitation.email).sort()).toEqual([
      'wang@example.edu.cn',
      'zheng@example.edu.cn',
    ]);
    // Stored as hashes only: the token itself is in the mail and nowhere in the database.
    const { mail, link } = await lastMailTo('wang@example.edu.cn');
    const token = link!.split('/').at(-1)!;
    expect(JSON.stringify(invitations)).not.toContain(token);
    expect(mail!.subject).toBe('学企邀请您开通账号');
    expect(mail!.htmlBody).toContain(`/account/invitation/${token}`);
    expect(invitations[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const list = await admin.agent.get(`/invitations?kind=faculty&university=${world.university.id}`);
    expect(list.text).toMatch(/王建国[\s\S]*?data-state="invited"/);
    expect(list.text).toMatch(/吴无邮[\s\S]*?data-state="none"/);
  });

  it('sends a new link on re-send, and the old one stops working', async () => {
    const before = await lastMailTo('zheng@example.edu.cn');
    const [zheng] = await database.db.select().from(schema.faculty).where(eq(schema.faculty.name, '郑新人'));
    const resent = await admin.post('/invitations', { kind: 'faculty', id: zheng!.id, back: '/invitations' });
    expect(resent.status).toBe(302);
    const after = await lastMailTo('zheng@example.edu.cn');
    expect(after.count).toBe(before.count + 1);
    const old = await request(app.express).get(before.link!);
    expect(old.status).toBe(410);
    expect(old.text).toContain('此链接已失效');
    expect((await request(app.express).get(after.link!)).status).toBe(200);
  });

  it('lets an invited faculty member set a password and lands them on their own, existing profile', async () => {
    const { link } = await lastMailTo('wang@example.edu.cn');
    const visitor = request.agent(app.express);
    const form = await visitor.get(link!);
    expect(form.status).toBe(200);
    expect(form.text).toContain('wang@example.edu.cn');
    const token = await csrfTokenFor(visitor, link!);
    const weak = await visitor
      .post(link!)
      .type('form')
      .send({ _csrf: token, password: 'password123', confirmation: 'password123' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('这是常见密码');
    const short = await visitor
      .post(link!)
      .type('form')
      .send({ _csrf: token, password: 'abc', confirmation: 'abc' });
    expect(short.text).toContain('至少 10 个字符');
    const mismatch = await visitor
      .post(link!)
      .type('form')
      .send({ _csrf: token, password: NEW_PASSWORD, confirmation: `${NEW_PASSWORD}x` });
    expect(mismatch.text).toContain('两次输入的密码不一致');
    const accepted = await visitor
      .post(link!)
      .type('form')
      .send({ _csrf: token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.location).toBe('/profile');
    const profile = await visitor.get('/profile');
    expect(profile.text).toContain('王建国');
    const [user] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'wang@example.edu.cn'));
    expect(user).toMatchObject({
      role: 'university',
      status: 'active',
      facultyId: world.member.id,
      teamId: null,
    });
    expect(
      await database.db.select().from(schema.faculty).where(eq(schema.faculty.name, '王建国')),
    ).toHaveLength(1);

    const again = await request(app.express).get(link!);
    expect(again.status).toBe(410);
    expect(again.text).toContain('此链接已经使用过');
    const list = await admin.agent.get(`/invitations?kind=faculty&university=${world.university.id}`);
    expect(list.text).toMatch(/王建国[\s\S]*?data-state="active"/);
  });

  it('says so when inviting someone who already has an account', async () => {
    const refused = await admin.post('/invitations', {
      kind: 'faculty',
      id: world.member.id,
      back: '/invitations',
    });
    const page = await admin.agent.get(refused.headers.location!);
    expect(page.text).toContain('此人已有账号');
  });

  it('refuses a tampered or an expired link with a clear page', async () => {
    const tampered = await request(app.express).get(`/account/invitation/${'A'.repeat(43)}`);
    expect(tampered.status).toBe(404);
    expect(tampered.text).toContain('此链接无效');
    expect((await request(app.express).get('/account/invitation/short')).status).toBe(404);
    const { link } = await lastMailTo('zheng@example.edu.cn');
    await database.db
      .update(schema.invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.invitations.email, 'zheng@example.edu.cn'));
    const expired = await request(app.express).get(link!);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('此链接已过期');
    const agent = request.agent(app.express);
    const token = await csrfTokenFor(agent, '/login');
    const posted = await agent
      .post(link!)
      .type('form')
      .send({ _csrf: token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(posted.status).toBe(410);
    expect(
      await database.db.select().from(schema.users).where(eq(schema.users.email, 'zheng@example.edu.cn')),
    ).toHaveLength(0);
  });

  it('answers "forgot password" identically for a known and an unknown address, and rate-limits it', async () => {
    const visitor = request.agent(app.express);
    const token = await csrfTokenFor(visitor, '/password/forgot');
    const known = await visitor
      .post('/password/forgot')
      .type('form')
      .send({ _csrf: token, email: 'wang@example.edu.cn' });
    const unknown = await visitor
      .post('/password/forgot')
      .type('form')
      .send({ _csrf: token, email: 'nobody@example.edu.cn' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.text).toBe(known.text);
    expect(known.text).toContain('如果该邮箱有学企账号');
    expect((await lastMailTo('wang@example.edu.cn')).mail!.subject).toBe('学企：重设密码');
    expect((await lastMailTo('nobody@example.edu.cn')).count).toBe(0);
    for (let attempt = 0; attempt < 2; attempt++)
      await visitor
        .post('/password/forgot')
        .type('form')
        .send({ _csrf: token, email: 'limit@example.edu.cn' });
    const third = await visitor
      .post('/password/forgot')
      .type('form')
      .send({ _csrf: token, email: 'limit@example.edu.cn' });
    expect(third.status).toBe(200);
    const fourth = await visitor
      .post('/password/forgot')
      .type('form')
      .send({ _csrf: token, email: 'limit@example.edu.cn' });
    expect(fourth.status).toBe(429);
  });

  it('counts reset requests in the database, so a second portal process does not open the limit again', async () => {
    const other = await createTestApp(database);
    try {
      const ask = async (portal: TestApp) => {
        const visitor = request.agent(portal.express);
        const token = await csrfTokenFor(visitor, '/password/forgot');
        return visitor
          .post('/password/forgot')
          .type('form')
          .send({ _csrf: token, email: 'Shared@example.edu.cn' });
      };
      expect((await ask(app)).status).toBe(200);
      expect((await ask(other)).status).toBe(200);
      expect((await ask(app)).status).toBe(200);
      const refused = await ask(other);
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('请求过于频繁');
    } finally {
      await other.matching.stop();
    }
  });

  it('resets a password with the link once, and ends every session of the account', async () => {
    const signedIn = await logInAs(app, 'wang@example.edu.cn', NEW_PASSWORD);
    expect((await signedIn.get('/profile')).status).toBe(200);
    const { link } = await lastMailTo('wang@example.edu.cn');
    expect(link).toMatch(/^\/account\/reset\//);
    const visitor = request.agent(app.express);
    const token = await csrfTokenFor(visitor, link!);
    const reset = await visitor
      .post(link!)
      .type('form')
      .send({ _csrf: token, password: 'second-kite-harbour-92', confirmation: 'second-kite-harbour-92' });
    expect(reset.status).toBe(302);
    expect(reset.headers.location).toBe('/login');
    expect((await signedIn.get('/profile')).headers.location).toMatch(/^\/login/);
    await logInAs(app, 'wang@example.edu.cn', 'second-kite-harbour-92');
    await expect(logInAs(app, 'wang@example.edu.cn', NEW_PASSWORD)).rejects.toThrow(/failed with 401/);
    const reused = await request(app.express).get(link!);
    expect(reused.status).toBe(410);
    expect(reused.text).toContain('此链接已经使用过');
    await database.db
      .update(schema.passwordResets)
      .set({ usedAt: null, expiresAt: new Date(Date.now() - 1) });
    expect((await request(app.express).get(link!)).text).toContain('此链接已过期');
  });

  it('changes a password only with the current one, and ends the other sessions but this one', async () => {
    const other = await logInAs(app, 'wang@example.edu.cn', 'second-kite-harbour-92');
    const session = await portalSession(app, 'admin@example.gov.cn');
    const mine = await logInAs(app, 'wang@example.edu.cn', 'second-kite-harbour-92');
    const token = await csrfTokenFor(mine, '/account');
    const wrong = await mine.post('/account/password').type('form').send({
      _csrf: token,
      current: 'not-it-at-all',
      password: 'third-kite-harbour-93',
      confirmation: 'third-kite-harbour-93',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('当前密码不正确');
    const changed = await mine.post('/account/password').type('form').send({
      _csrf: token,
      current: 'second-kite-harbour-92',
      password: 'third-kite-harbour-93',
      confirmation: 'third-kite-harbour-93',
    });
    expect(changed.status).toBe(302);
    expect((await mine.get('/account')).status).toBe(200);
    expect((await other.get('/account')).headers.location).toMatch(/^\/login/);
    // Other people's sessions are untouched.
    expect((await session.agent.get('/invitations')).status).toBe(200);
    await logInAs(app, 'wang@example.edu.cn', 'third-kite-harbour-93');
  });

  it('invites from a pasted list of addresses, naming each line it skips with its row', async () => {
    await database.db.insert(schema.faculty).values([
      {
        universityId: world.university.id,
        name: '冯粘贴',
        title: 'lecturer',
        email: 'feng@example.edu.cn',
      },
    ]);
    const addresses = [
      'feng@example.edu.cn',
      '',
      'not-an-address',
      'stranger@example.edu.cn',
      'FENG@example.edu.cn',
      'wang@example.edu.cn',
    ].join('\n');
    const preview = await admin.post('/invitations/addresses/preview', { kind: 'faculty', addresses });
    expect(preview.text).toContain('将向 1 人发送邀请');
    expect(preview.text).toMatch(/data-row="3"><td>3<\/td><td>not-an-address<\/td><td>邮箱格式不正确/);
    expect(preview.text).toMatch(/data-row="4">[\s\S]*?名单中没有这个邮箱/);
    expect(preview.text).toMatch(/data-row="5">[\s\S]*?与前面的行重复/);
    expect(preview.text).toMatch(/data-row="6">[\s\S]*?已有账号/);
    expect((await lastMailTo('feng@example.edu.cn')).count).toBe(0);
    const done = await admin.post('/invitations/addresses', { kind: 'faculty', addresses });
    expect(done.text).toContain('已向 1 人发送邀请');
    expect((await lastMailTo('feng@example.edu.cn')).count).toBe(1);
    expect((await lastMailTo('stranger@example.edu.cn')).count).toBe(0);
  });

  it('sends a new link in bulk to those whose link expired, and lets admins read every mail in the outbox', async () => {
    const before = await lastMailTo('zheng@example.edu.cn');
    const preview = await admin.post('/invitations/bulk/preview', {
      kind: 'faculty',
      university: world.university.id,
    });
    expect(preview.text).toMatch(/将向 \d+ 人发送邀请/);
    await admin.post('/invitations/bulk', { kind: 'faculty', university: world.university.id });
    const after = await lastMailTo('zheng@example.edu.cn');
    expect(after.count).toBe(before.count + 1);
    expect((await request(app.express).get(after.link!)).status).toBe(200);
    const outbox = await admin.agent.get('/admin/mail');
    expect(outbox.text).toContain('未配置 SMTP_URL');
    expect(outbox.text).toContain('data-to="zheng@example.edu.cn"');
    const id = after.mail!.id;
    const message = await admin.agent.get(`/admin/mail/${id}`);
    expect(message.text).toContain(after.link!);
  });

  it('keeps one working link per person, even when the second invitation goes to another address', async () => {
    const [wu] = await database.db.select().from(schema.faculty).where(eq(schema.faculty.name, '吴无邮'));
    await admin.post('/invitations', {
      kind: 'faculty',
      id: wu!.id,
      email: 'wu.one@example.edu.cn',
      back: '/invitations',
    });
    await admin.post('/invitations', {
      kind: 'faculty',
      id: wu!.id,
      email: 'wu.two@example.edu.cn',
      back: '/invitations',
    });
    const first = await lastMailTo('wu.one@example.edu.cn');
    const second = await lastMailTo('wu.two@example.edu.cn');
    expect((await request(app.express).get(first.link!)).status).toBe(410);
    expect((await request(app.express).get(second.link!)).status).toBe(200);
    const refused = await admin.post('/invitations', {
      kind: 'faculty',
      id: wu!.id,
      email: 'not-an-email',
      back: '/invitations',
    });
    expect((await admin.agent.get(refused.headers.location!)).text).toContain('请输入有效的邮箱地址');
  });
});
