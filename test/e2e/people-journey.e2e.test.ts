import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { expressEnterpriseInterest } from '../../services/introductions/index.js';
import {
  MailSender,
  type MailTransport,
  setPortalAddress,
  smtpTransport,
} from '../../services/mail/index.js';
import { findUserById } from '../../services/users/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { CHROMIUM, hasChromium, launchChromium } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FIXTURE_PASSWORD, insertSmallWorld, insertUser } from '../support/fixtures.js';
import { insertDemand } from '../support/portal-world.js';
import { type SmtpCapture, startSmtpCapture } from '../support/smtp-capture.js';

const SCREENSHOTS = 'test-results';
const ROSTER = [
  '所属高校,姓名,所属团队,职称,邮箱,研究方向',
  '哈尔滨工业大学（威海）,孙晓,,讲师,sun@example.edu.cn,热压罐固化；碳纤维预浸料',
  '哈尔滨工业大学（威海）,陈立,,副教授,chen@example.edu.cn,树脂基复合材料',
  '哈尔滨工业大学（威海）,赵错,,讲师,zhao-at-example,船舶振动',
].join('\n');

if (!hasChromium) console.warn(`people journey skipped: no Chromium at ${CHROMIUM}`);

describe.skipIf(!hasChromium)(
  'a bureau brings its faculty in, and a faculty member is told of a firm',
  () => {
    let database: TestDatabase;
    let app: TestApp;
    let smtp: SmtpCapture;
    let transport: MailTransport;
    let sender: MailSender;
    let baseUrl: string;
    let browser: Browser;
    let adminContext: BrowserContext;
    let facultyContext: BrowserContext;
    let admin: Page;
    let faculty: Page;
    let world: Awaited<ReturnType<typeof insertSmallWorld>>;
    let demandId: number;
    let firmUserId: number;
    const fileDir = mkdtempSync(path.join(tmpdir(), 'xueqi-roster-'));
    const badResponses: string[] = [];

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      database = await createTestDatabase('pglite');
      world = await insertSmallWorld(database.db);
      await insertUser(database.db, { email: 'admin@example.gov.cn', role: 'admin' });
      firmUserId = (
        await insertUser(database.db, {
          email: 'firm@example.com',
          role: 'enterprise',
          enterpriseId: world.enterprise.id,
        })
      ).id;
      demandId = (
        await insertDemand(database.db, {
          enterpriseId: world.enterprise.id,
          title: '碳纤维预浸料热压罐固化周期缩短',
        })
      ).id;
      smtp = await startSmtpCapture();
      transport = smtpTransport(smtp.url);
      sender = new MailSender(database.db, transport, { from: 'XueQi <no-reply@xueqi.test>' });
      app = await createTestApp(database);
      baseUrl = await app.start(0);
      setPortalAddress(baseUrl);
      browser = await launchChromium();
      adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      facultyContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
      admin = await adminContext.newPage();
      faculty = await facultyContext.newPage();
      for (const page of [admin, faculty])
        page.on('response', (response) => {
          // The journey opens two used-up links on purpose; anything else failing is a bug.
          if (
            response.status() >= 400 &&
            !response.url().endsWith('/favicon.ico') &&
            !response.url().includes('/account/')
          )
            badResponses.push(`${response.status()} ${response.url()}`);
        });
    });

    afterAll(async () => {
      await browser?.close();
      transport?.close();
      await smtp?.stop();
      await app?.stop();
      rmSync(fileDir, { recursive: true, force: true });
    });

    it('the admin imports a faculty roster', async () => {
      const file = path.join(fileDir, 'roster.csv');
      writeFileSync(file, ROSTER);
      await admin.goto(`${baseUrl}/login`);
      await admin.fill('input[name="email"]', 'admin@example.gov.cn');
      await admin.fill('input[name="password"]', FIXTURE_PASSWORD);
      await Promise.all([
        admin.waitForURL(`${baseUrl}/admin/users`),
        admin.click('form.form button[type="submit"]'),
      ]);
      await admin.goto(`${baseUrl}/staff/lists`);
      await admin.selectOption('select[name="kind"]', 'faculty');
      await admin.setInputFiles('input[name="file"]', file);
      await Promise.all([admin.waitForLoadState('load'), admin.click('button[value="import"]')]);
      const imported = await database.db.select().from(schema.faculty);
      expect(imported.map((member) => member.name)).toEqual(expect.arrayContaining(['孙晓', '陈立', '赵错']));
    });

    it('previews the bulk invitation, sees who is skipped, and invites the rest', async () => {
      await admin.goto(`${baseUrl}/invitations?kind=faculty&university=${world.university.id}`);
      await expect(admin.locator('tr[data-person] td[data-state="none"]').count()).resolves.toBe(4);
      await Promise.all([
        admin.waitForLoadState('load'),
        admin.click('form[action="/invitations/bulk/preview"] button'),
      ]);
      // 孙晓, 陈立 and the small world's 王建国 have good addresses; 赵错's is named and skipped.
      await expect(admin.locator('[data-invite-count]').textContent()).resolves.toContain(
        '将向 3 人发送邀请',
      );
      await expect(admin.locator('[data-skip="malformed"]').textContent()).resolves.toContain('赵错');
      await admin.screenshot({ path: `${SCREENSHOTS}/people-bulk-preview.png`, fullPage: true });
      await Promise.all([
        admin.waitForLoadState('load'),
        admin.click('form[action="/invitations/bulk"] button'),
      ]);
      await expect(admin.locator('[data-bulk-outcome]').textContent()).resolves.toContain(
        '已向 3 人发送邀请',
      );
      await expect(admin.locator('td[data-state="invited"]').count()).resolves.toBe(3);
      expect(await sender.sendDue()).toMatchObject({ sent: 3, failed: 0 });
      expect(smtp.mails.map((mail) => mail.to).sort()).toEqual([
        'chen@example.edu.cn',
        'sun@example.edu.cn',
        'wang@example.edu.cn',
      ]);
    });

    it('the faculty member opens the mailed link, sets a password and lands on their imported profile', async () => {
      const [mail] = smtp.to('sun@example.edu.cn');
      expect(mail!.subject).toBe('学企邀请您开通账号');
      const link = mail!.links.find((url) => url.includes('/account/invitation/'))!;
      expect(link.startsWith(baseUrl)).toBe(true);
      await faculty.goto(link);
      await faculty.fill('input[name="password"]', 'short');
      await faculty.fill('input[name="confirmation"]', 'short');
      await Promise.all([faculty.waitForLoadState('load'), faculty.click('form.form button[type="submit"]')]);
      await expect(faculty.locator('.field.has-error').first().textContent()).resolves.toContain(
        '至少 10 个字符',
      );
      await faculty.fill('input[name="password"]', 'harbour-kite-lantern-8');
      await faculty.fill('input[name="confirmation"]', 'harbour-kite-lantern-8');
      await Promise.all([
        faculty.waitForURL(`${baseUrl}/profile`),
        faculty.click('form.form button[type="submit"]'),
      ]);
      await expect(faculty.locator('main').textContent()).resolves.toContain('孙晓');
      await expect(faculty.locator('a.bell').getAttribute('data-unread')).resolves.toBe('0');
    });

    it('sees the bell count rise when a firm says it is interested, and opens the notice', async () => {
      const [sun] = (await database.db.select().from(schema.faculty)).filter(
        (member) => member.name === '孙晓',
      );
      const firm = (await findUserById(database.db, firmUserId))!;
      await expressEnterpriseInterest({ db: database.db, matching: app.matching }, firm, demandId, {
        kind: 'faculty',
        id: sun!.id,
      });
      await faculty.reload();
      await expect(faculty.locator('a.bell .bell-count').textContent()).resolves.toBe('1');
      await faculty.screenshot({ path: `${SCREENSHOTS}/people-bell.png`, fullPage: true });
      await Promise.all([faculty.waitForURL(`${baseUrl}/notifications`), faculty.click('a.bell')]);
      const notice = faculty.locator('li.notice.unread a').first();
      await expect(notice.textContent()).resolves.toContain('威海示例复材科技有限公司 对您表示有意向');
      await Promise.all([faculty.waitForURL(`${baseUrl}/matched-demands/${demandId}`), notice.click()]);
      await expect(faculty.locator('h1').textContent()).resolves.toContain('碳纤维预浸料热压罐固化周期缩短');
      await expect(faculty.locator('a.bell .bell-count').count()).resolves.toBe(0);
      // And by mail, at once, with a link that leads to the same notice.
      expect(await sender.sendDue()).toMatchObject({ sent: 1 });
      const [noticeMail] = smtp.to('sun@example.edu.cn').slice(-1);
      expect(noticeMail!.subject).toContain('威海示例复材科技有限公司 对您表示有意向');
      expect(noticeMail!.links.some((url) => url.startsWith(`${baseUrl}/notifications/`))).toBe(true);
      expect(badResponses).toEqual([]);
    });
  },
);
