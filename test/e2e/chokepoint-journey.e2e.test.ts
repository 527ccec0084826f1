import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { CHROMIUM, hasChromium, launchChromium } from '../support/browser.js';
import {
  APPLICATION,
  type ChokepointWorld,
  FIXTURE_BENCHMARK_RATE,
  insertChokepointWorld,
} from '../support/chokepoint-world.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FIXTURE_PASSWORD } from '../support/fixtures.js';

const SCREENSHOTS = 'test-results';

if (!hasChromium)
  console.warn(`choke-point journey skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)(
  'a firm’s choke-point demand enters the library and gets a loan and insurance, in a real browser',
  () => {
    let database: TestDatabase;
    let app: TestApp;
    let baseUrl: string;
    let browser: Browser;
    let page: Page;
    let world: ChokepointWorld;
    let projectUrl: string;
    const problems: string[] = [];

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      database = await createTestDatabase('pglite');
      world = await insertChokepointWorld(database.db);
      app = await createTestApp(database);
      baseUrl = await app.start(0);
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          problems.push(message.text());
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
          problems.push(`${response.status()} ${response.url()}`);
      });
    });

    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    const shot = (name: string) =>
      page.screenshot({ path: `${SCREENSHOTS}/chokepoint-${name}.png`, fullPage: true });

    async function logIn(email: string, landing: string) {
      await page.goto(`${baseUrl}/login`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', FIXTURE_PASSWORD);
      await Promise.all([
        page.waitForURL(`${baseUrl}${landing}`),
        page.click('form button[type="submit"] >> nth=-1'),
      ]);
    }

    it('lets the firm apply from its choke-point demand', async () => {
      await logIn(world.users.enterprise.email, '/demands/mine');
      await page.goto(`${baseUrl}/demands/${world.publicDemand.id}`);
      await Promise.all([page.waitForURL(/\/projects\/apply\?demand=/), page.click('#apply-to-library')]);
      await page.fill('input[name="title"]', APPLICATION.title);
      await page.fill('textarea[name="breakthrough"]', APPLICATION.breakthrough);
      await page.fill('textarea[name="goals"]', APPLICATION.goals);
      await page.fill('textarea[name="plan"]', APPLICATION.plan);
      await page.fill('textarea[name="attachments"]', APPLICATION.attachments);
      await page.fill('input[name="budget"]', APPLICATION.budget);
      await page.fill('input[name="startsOn"]', APPLICATION.startsOn);
      await page.fill('input[name="endsOn"]', APPLICATION.endsOn);
      await Promise.all([page.waitForURL(/\/projects\/\d+$/), page.click('form.form button[type="submit"]')]);
      projectUrl = page.url().replace(baseUrl, '');
      await expect(page.locator('[data-project-status]').getAttribute('data-project-status')).resolves.toBe(
        'submitted',
      );
      await shot('applied');
      await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('form[action="/logout"] button')]);
    });

    it('lets the chain’s staff find it in the library and admit it', async () => {
      await logIn(world.users.staff.email, '/staff/queue');
      await page.goto(`${baseUrl}/staff/projects?status=submitted`);
      await expect(page.locator('#library').textContent()).resolves.toContain(APPLICATION.title);
      await Promise.all([
        page.waitForURL(/\/staff\/projects\/\d+$/),
        page.click(`#library a >> text=${APPLICATION.title}`),
      ]);
      await Promise.all([page.waitForLoadState('load'), page.click('#review button[value="admit"]')]);
      await shot('debug');
      console.log(page.url(), await page.locator('h1').first().textContent());
      await expect(page.locator('[data-project-status]').getAttribute('data-project-status')).resolves.toBe(
        'admitted',
      );
    });

    it('records a choke-point loan and an R&D-loss insurance, and shows the package', async () => {
      const loan = page.locator('#support-loan');
      await page.click('#record-support summary >> text=贷（卡脖子攻关贷）');
      await loan.locator('select[name="partnerId"]').selectOption({ label: world.partners.bank.name });
      await loan.locator('input[name="amount"]').fill('20000000');
      await loan.locator('input[name="termMonths"]').fill('36');
      await loan.locator('input[name="ratePercent"]').fill(String(FIXTURE_BENCHMARK_RATE));
      await Promise.all([page.waitForLoadState('load'), loan.locator('button[type="submit"]').click()]);
      await expect(page.locator('.flash').first().textContent()).resolves.toContain('已登记');

      const insurance = page.locator('#support-insurance');
      await page.click('#record-support summary >> text=保（卡脖子研发损失险）');
      await insurance
        .locator('select[name="partnerId"]')
        .selectOption({ label: world.partners.insurer.name });
      await insurance.locator('input[name="amount"]').fill('200000');
      await insurance.locator('input[name="cover"]').fill('5000000');
      await Promise.all([page.waitForLoadState('load'), insurance.locator('button[type="submit"]').click()]);

      await expect(page.locator('[data-figure="loans"]').textContent()).resolves.toBe('20,000,000');
      await expect(page.locator('[data-figure="riskCompensation"]').textContent()).resolves.toBe('120,000');
      await expect(page.locator('[data-figure="subsidies"]').textContent()).resolves.toBe('100,000');
      await expect(page.locator('[data-figure="total"]').textContent()).resolves.toBe('20,100,000');
      await shot('package');
      expect(page.url()).toContain(projectUrl.replace('/projects/', '/staff/projects/'));
    });

    it('shows them on the chain dashboard, chart and table', async () => {
      await page.goto(`${baseUrl}/staff/dashboard`);
      await expect(page.locator('[data-figure="projects.admitted"]').textContent()).resolves.toBe('1');
      await expect(page.locator('[data-figure="support.loan.amount"]').textContent()).resolves.toBe(
        '20,000,000',
      );
      await expect(page.locator('[data-figure="support.insurance.items"]').textContent()).resolves.toBe('1');
      await page.waitForSelector('#chokepoint-support [data-chart-drawn="true"]');
      await shot('dashboard');
      expect(problems).toEqual([]);
    });
  },
);
