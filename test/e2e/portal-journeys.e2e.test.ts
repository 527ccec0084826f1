import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedCityIfEmpty } from '../../seeds/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { CHROMIUM, hasChromium, launchChromium } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const SCREENSHOTS = path.resolve('test-results', 'portal');
if (!hasChromium)
  console.warn(`portal journeys skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const account = (role: 'enterprise' | 'university') => DEMO_ACCOUNTS.find((demo) => demo.role === role)!;

/**
 * One demand per language on a topic far from the university demo team's carbon fibre, and the
 * research directions the team adds so that the demand rises into its ranking. The two topics
 * share no words, so the second run starts from a ranking without its demand.
 */
const TOPICS = {
  'zh-CN': {
    title: '海参工厂化养殖水质在线监测与病害预警',
    description: '刺参工厂化养殖车间需要在线监测溶解氧、氨氮和水温，结合图像识别对海参病害提前预警。',
    chain: 'marine_bio',
    directions: ['海参工厂化养殖', '水质在线监测', '病害预警'],
  },
  en: {
    title: '海藻酸钠医用敷料止血性能提升',
    description: '需要提高海藻酸钠医用敷料的吸液率和止血速度，改进钙离子交联方法。',
    chain: 'medical',
    directions: ['海藻酸钠', '医用敷料', '止血'],
  },
} as const;

describe.skipIf(!hasChromium)(
  'enterprise and university journeys in a real Chromium, on the demo city',
  () => {
    let database: TestDatabase;
    let app: TestApp;
    let baseUrl: string;
    let browser: Browser;
    const problems: string[] = [];

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      database = await createTestDatabase('pglite');
      await seedCityIfEmpty(database.db);
      app = await createTestApp(database);
      baseUrl = await app.start(0);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    /** A fresh browser context (its own cookies) per journey; console errors and CSP reports are collected. */
    async function openPage(): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      page.on('console', (message) => {
        // A page answered 400 or 404 on purpose (a form with errors, no favicon) logs a load failure; not a problem.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      return page;
    }

    async function snap(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    }

    /** Where a demand stands on the matched-demands page: 0 is first, Infinity is not listed. */
    async function rankOf(page: Page, title: string): Promise<number> {
      const titles = await page.locator('.matched-demand h3 a').allTextContents();
      const index = titles.findIndex((text) => text.includes(title));
      return index === -1 ? Number.POSITIVE_INFINITY : index;
    }

    async function logIn(page: Page, role: 'enterprise' | 'university', lang: 'zh-CN' | 'en') {
      await page.goto(`${baseUrl}/login?lang=${lang}`);
      await page.fill('input[name="email"]', account(role).email);
      await page.fill('input[name="password"]', account(role).password);
      await Promise.all([
        page.waitForURL(/\/(demands\/mine|profile)$/),
        page.click('form.form button[type="submit"]'),
      ]);
    }

    for (const lang of ['zh-CN', 'en'] as const) {
      const text =
        lang === 'en'
          ? {
              interested: 'Interested',
              noted: 'You said interested',
              published: 'Published.',
              matched: 'matched on',
            }
          : { interested: '有意向对接', noted: '已表达意向', published: '需求已发布', matched: '匹配词' };
      const topic = TOPICS[lang];
      const demandTitle = topic.title;

      it(`walks the enterprise journey in ${lang}: post a demand, read why teams fit, filter, say interested`, async () => {
        const page = await openPage();
        await logIn(page, 'enterprise', lang);
        await snap(page, `${lang}-enterprise-1-demands`);
        await page.click('a[href="/demands/new"]');
        await page.click('button[value="publish"]');
        await page.locator('.has-error').first().waitFor({ state: 'visible' });
        await snap(page, `${lang}-enterprise-2-form-errors`);
        await page.fill('#field-title', demandTitle);
        await page.fill('#field-description', `${topic.description}<b>不是标签</b>`);
        await page.selectOption('#field-chainCode', topic.chain);
        await page.selectOption('#field-demandClass', 'systemic');
        await page.fill('#field-expectedTrl', '6');
        await page.fill('#field-budgetMin', '30');
        await page.fill('#field-budgetMax', '80');
        await page.click('button[value="publish"]');
        await page.waitForURL(/\/demands\/\d+$/);
        expect(await page.locator('.flash-success').textContent()).toContain(text.published);
        expect(await page.locator('.description').textContent()).toContain('<b>不是标签</b>');
        const firstTeam = page.locator('.columns section').first().locator('.candidate').first();
        expect(await firstTeam.locator('.explanation').textContent()).toContain(text.matched);
        await snap(page, `${lang}-enterprise-3-ranked-candidates`);
        await page.check('input[name="doctoralSupervisor"]');
        await page.click('form.filters button[type="submit"]');
        await page.waitForURL(/doctoralSupervisor=1/);
        await snap(page, `${lang}-enterprise-4-filtered`);
        const teamName = (await firstTeam.locator('h3').textContent()) ?? '';
        await firstTeam.getByRole('button', { name: text.interested }).click();
        await page.waitForURL(/doctoralSupervisor=1/);
        expect(
          await page.locator('.columns section').first().locator('.candidate').first().textContent(),
        ).toContain(text.noted);
        await snap(page, `${lang}-enterprise-5-interested`);
        await page.click('a[href="/introductions"]');
        expect(await page.locator('main').textContent()).toContain(teamName.trim().split(' ')[0]!);
        await snap(page, `${lang}-enterprise-6-introductions`);
        await page.click('a[href="/company"]');
        await snap(page, `${lang}-enterprise-7-company`);
        await page.context().close();
      });

      it(`walks the university journey in ${lang}: edit the profile, see the demand rise, say interested`, async () => {
        const page = await openPage();
        await logIn(page, 'university', lang);
        await snap(page, `${lang}-university-1-profile`);
        await page.click('a[href="/matched-demands"]');
        const before = await rankOf(page, demandTitle);
        await snap(page, `${lang}-university-2-matched-before`);
        await page.click('a[href="/profile"]');
        const directions = page.locator('form[action="/profile/team"] textarea[name="researchDirections"]');
        await directions.fill([await directions.inputValue(), ...topic.directions].join('\n'));
        await page.click('form[action="/profile/team"] button[type="submit"]');
        await page.waitForURL(/\/profile$/);
        await page.locator('.flash-success').waitFor({ state: 'visible' });
        await snap(page, `${lang}-university-3-profile-saved`);
        await page.click('a[href="/matched-demands"]');
        const card = page.locator('.matched-demand', { hasText: demandTitle });
        await card.waitFor({ state: 'visible' });
        expect(await rankOf(page, demandTitle)).toBeLessThan(before);
        expect(await card.locator('.explanation').textContent()).toContain(text.matched);
        await snap(page, `${lang}-university-4-matched-after`);
        await card.locator('h3 a').click();
        await page.waitForURL(/\/matched-demands\/\d+$/);
        await snap(page, `${lang}-university-5-demand`);
        await page.getByRole('button', { name: text.interested }).click();
        expect(await page.locator('.badge').textContent()).toContain(text.noted);
        await page.click('a[href="/introductions"]');
        expect(await page.locator('main').textContent()).toContain(demandTitle);
        await snap(page, `${lang}-university-6-introductions`);
        await page.context().close();
      });
    }

    it('ran without a script error or a Content-Security-Policy violation', () => {
      expect(problems).toEqual([]);
    });
  },
);
