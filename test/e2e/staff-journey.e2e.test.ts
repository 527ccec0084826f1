import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressEnterpriseInterest, expressProfileInterest } from '../../services/introductions/index.js';
import { findUserById } from '../../services/users/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertBrokeringWorld, insertCandidate, insertDemand } from '../support/brokering.js';
import { CHROMIUM, hasChromium, launchChromium } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FIXTURE_PASSWORD, insertUser } from '../support/fixtures.js';

const SCREENSHOTS = 'test-results';

if (!hasChromium)
  console.warn(`staff journey skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('a staff member brokers a match to market in a real browser', () => {
  let database: TestDatabase;
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  let pairId: number;
  let demandId: number;
  let firmUserId: number;
  let teamUserId: number;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    database = await createTestDatabase('pglite');
    world = await insertBrokeringWorld(database.db);
    const demand = await insertDemand(database.db, world.enterprise.id, {
      title: '大型风电叶片碳纤维主梁快速固化',
      demandClass: 'chokepoint',
    });
    pairId = (await insertCandidate(database.db, { demandId: demand.id, teamId: world.team.id, score: 0.83 }))
      .id;
    demandId = demand.id;
    const firm = {
      email: 'firm@example.com',
      role: 'enterprise' as const,
      enterpriseId: world.enterprise.id,
    };
    firmUserId = (await insertUser(database.db, firm)).id;
    const team = { email: 'team@example.edu.cn', role: 'university' as const, teamId: world.team.id };
    teamUserId = (await insertUser(database.db, team)).id;
    app = await createTestApp(database);
    baseUrl = await app.start(0);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A failed load shows in the console without its address; record the address instead.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        consoleErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        consoleErrors.push(`${response.status()} ${response.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const shot = (name: string) =>
    page.screenshot({ path: `${SCREENSHOTS}/staff-${name}.png`, fullPage: true });

  it('logs in and lands on the queue of its chain', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.fill('input[name="email"]', world.staffUser.email);
    await page.fill('input[name="password"]', FIXTURE_PASSWORD);
    await Promise.all([
      page.waitForURL(`${baseUrl}/staff/queue`),
      page.click('form button[type="submit"] >> nth=-1'),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain('碳纤维复合材料');
    await expect(page.locator(`tr[data-candidate="${pairId}"]`).textContent()).resolves.toContain('0.83');
    await shot('1-queue');
  });

  it('introduces the pair; both sides say interested; staff accept it', async () => {
    const row = page.locator(`tr[data-candidate="${pairId}"]`);
    await Promise.all([page.waitForLoadState('load'), row.locator('button', { hasText: '引荐' }).click()]);
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('已引荐');
    // Both sides say "interested" through the portal's own services (their pages have their own journeys).
    const deps = { db: database.db, matching: app.matching };
    await expressEnterpriseInterest(deps, (await findUserById(database.db, firmUserId))!, demandId, {
      kind: 'team',
      id: world.team.id,
    });
    await expressProfileInterest(deps, (await findUserById(database.db, teamUserId))!, demandId);
    await page.reload();
    await expect(row.textContent()).resolves.toContain('企业有意向');
    await expect(row.textContent()).resolves.toContain('高校有意向');
    await shot('2-introduced');
    await Promise.all([
      page.waitForURL(/\/staff\/collaborations\/\d+$/),
      row.locator('button', { hasText: '确认达成' }).click(),
    ]);
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('对接已达成');
    await shot('3-collaboration');
  });

  it('moves the collaboration through the four stages', async () => {
    for (const stage of ['design_task', 'joint_research', 'commercialise']) {
      await Promise.all([page.waitForLoadState('load'), page.click('#advance-stage')]);
      await expect(page.locator('[aria-current="step"]').getAttribute('data-stage')).resolves.toBe(stage);
    }
    await expect(page.locator('#advance-stage').count()).resolves.toBe(0);
    await expect(page.locator('.history').textContent()).resolves.toContain('推进阶段');
    await shot('4-market');
  });

  it('counts the collaboration on the report page and draws the charts under the strict CSP', async () => {
    await page.goto(`${baseUrl}/staff/report`);
    await expect(page.locator('[data-figure="collaborationsBrokered"]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-figure="matchesReached"]').textContent()).resolves.toBe('1');
    await expect(page.locator('tr[data-chain="carbon_fiber"]').textContent()).resolves.toMatch(
      /1\s*1\s*1\s*1/,
    );
    await page.waitForSelector('[data-chart-drawn="true"]');
    await shot('5-report');
    await page.goto(`${baseUrl}/staff/dashboard?lang=en`);
    await page.waitForSelector('[data-chart-drawn="true"]');
    // Demands, funnel and stages, then the choke-point library, its support and the consortia.
    await expect(page.locator('[data-chart-drawn="true"]').count()).resolves.toBe(6);
    await expect(page.locator('[data-figure="collaborations"]').textContent()).resolves.toBe('1');
    await shot('6-dashboard');
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });
});
