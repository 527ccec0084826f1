import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { CHROMIUM, hasChromium, launchChromium } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FIXTURE_PASSWORD } from '../support/fixtures.js';
import { insertDemand, insertPortalWorld, type PortalWorld } from '../support/portal-world.js';

const SCREENSHOTS = 'test-results/libraries';
const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
type Size = keyof typeof VIEWPORTS;

if (!hasChromium) console.warn(`library journeys skipped: no Chromium at ${CHROMIUM}`);

describe.skipIf(!hasChromium)('finding and opening anything, on a desktop and on a phone', () => {
  let database: TestDatabase;
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let world: PortalWorld;
  let collaborationId: number;
  const problems: string[] = [];
  /** Every page visited at phone width that scrolled sideways, with by how much. */
  const sideways: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    database = await createTestDatabase('pglite');
    const { db } = database;
    world = await insertPortalWorld(db);
    // Enough pairs on the carbon-fibre chain for a second page of the queue.
    const demands = [];
    for (let index = 0; index < 4; index++)
      demands.push(
        await insertDemand(db, {
          enterpriseId: world.enterprise.id,
          title: `碳纤维缠绕气瓶内胆成型工艺需求第${index + 1}项，要求批量稳定`,
          description: '车载储氢气瓶的碳纤维缠绕成型与固化工艺，要求批量生产质量稳定。',
        }),
      );
    const lecturers = await db
      .insert(schema.faculty)
      .values(
        Array.from({ length: 15 }, (_, index) => ({
          universityId: world.university.id,
          teamId: world.team.id,
          name: `缠绕工艺青年教师${index + 1}`,
          title: 'lecturer',
          researchDirections: ['纤维缠绕', '固化工艺'],
        })),
      )
      .returning();
    await db.insert(schema.matchCandidates).values(
      demands.flatMap((demand, demandIndex) =>
        lecturers.map((lecturer, index) => ({
          demandId: demand.id,
          facultyId: lecturer.id,
          score: 0.3 + (demandIndex * 15 + index) / 200,
          explanation: {
            terms: [['缠绕', 0.5] as [string, number], ['固化', 0.3] as [string, number]],
            evidence: null,
          },
        })),
      ),
    );
    const [collaboration] = await db
      .insert(schema.collaborations)
      .values({
        demandId: world.publicDemand.id,
        enterpriseId: world.enterprise.id,
        leadTeamId: world.team.id,
        title: '碳纤维复合材料固化工艺优化合作',
        startedOn: '2026-02-01',
        stage: 'joint_research',
      })
      .returning();
    collaborationId = collaboration!.id;
    await db.insert(schema.collaborationTeams).values({
      collaborationId,
      demandId: world.publicDemand.id,
      teamId: world.team.id,
      isLead: true,
    });
    await db.insert(schema.milestones).values([
      {
        collaborationId,
        stage: 'design_task',
        title: '确定固化工艺窗口',
        dueOn: '2026-03-01',
        doneOn: '2026-02-26',
      },
      { collaborationId, stage: 'joint_research', title: '完成中试样件', dueOn: '2027-03-31' },
    ]);
    app = await createTestApp(database);
    baseUrl = await app.start(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function openPage(size: Size): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORTS[size] });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    return page;
  }

  /** A screenshot, and at phone width the check that nothing makes the page scroll sideways. */
  async function look(page: Page, size: Size, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${size}-${name}.png`), fullPage: true });
    if (size !== 'phone') return;
    const overflow = Number(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    );
    if (overflow > 0) sideways.push(`${name} (${new URL(page.url()).pathname}) by ${overflow}px`);
  }

  async function logIn(page: Page, email: string, landing: RegExp) {
    await page.goto(`${baseUrl}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', FIXTURE_PASSWORD);
    await Promise.all([page.waitForURL(landing), page.click('main form button[type="submit"]')]);
  }

  /** On a phone the menu is folded away: open it before following a link in it. */
  async function openMenu(page: Page, size: Size) {
    if (size === 'phone') await page.click('label.menu-button');
  }

  for (const size of Object.keys(VIEWPORTS) as Size[]) {
    it(`browses the three libraries and their pages (${size})`, async () => {
      const page = await openPage(size);
      await page.goto(`${baseUrl}/`);
      await page.fill('.site-search input[name="q"]', '碳纤维');
      await Promise.all([
        page.waitForURL(/\/demands\?q=/),
        page.press('.site-search input[name="q"]', 'Enter'),
      ]);
      expect(await page.locator('.tabs a').count()).toBe(3);
      expect(await page.locator('.library-entry mark').count()).toBeGreaterThan(0);
      expect(await page.locator('main').textContent()).not.toContain(world.confidentialDemand.title);
      await look(page, size, 'demands-search');
      await page.click('.library-entry h2 a >> nth=0');
      await page.waitForURL(/\/demands\/\d+$/);
      await look(page, size, 'demand-public');
      await page.goto(`${baseUrl}/results`);
      await look(page, size, 'results');
      await page.click('.library-entry h2 a >> nth=0');
      await page.waitForURL(/\/results\/\d+$/);
      await look(page, size, 'result');
      await page.goto(`${baseUrl}/experts?q=${encodeURIComponent('复合材料')}`);
      await look(page, size, 'experts-teams');
      await page.click('.library-entry h2 a >> nth=0');
      await page.waitForURL(/\/experts\/teams\/\d+$/);
      await look(page, size, 'team');
      await page.goto(`${baseUrl}/experts?kind=faculty&supervisor=1`);
      await look(page, size, 'experts-faculty');
      await page.click('.library-entry h2 a >> nth=0');
      await page.waitForURL(/\/experts\/faculty\/\d+$/);
      await look(page, size, 'faculty');
    });

    it(`lets the firm open a ranked team's profile and follow its collaboration (${size})`, async () => {
      const page = await openPage(size);
      await logIn(page, world.users.enterprise.email, /\/demands\/mine$/);
      await look(page, size, 'enterprise-demands');
      await page.goto(`${baseUrl}/demands/${world.publicDemand.id}`);
      await look(page, size, 'enterprise-demand');
      const candidate = page.locator('.candidate').first();
      await Promise.all([
        page.waitForURL(/\/experts\/(teams|faculty)\/\d+/),
        candidate.locator('h3 a').click(),
      ]);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      if (await page.locator('.best-evidence').count())
        expect(await page.locator('.best-evidence').isVisible()).toBe(true);
      await look(page, size, 'enterprise-candidate-profile');
      await page.goto(`${baseUrl}/demands/${world.publicDemand.id}`);
      await page.click('a[href$="/close"]');
      await page.waitForURL(/\/close$/);
      expect(await page.locator('main').textContent()).toContain('确定关闭吗');
      await look(page, size, 'enterprise-close-confirm');
      await page.goto(`${baseUrl}/`);
      await openMenu(page, size);
      await Promise.all([
        page.waitForURL(/\/collaborations$/),
        page.click('.site-nav a[href="/collaborations"]'),
      ]);
      await look(page, size, 'enterprise-collaborations');
      await page.click(`a[href="/collaborations/${collaborationId}"]`);
      expect(await page.locator('.stage-track [aria-current="step"]').textContent()).toContain(
        '共同组织科技攻关',
      );
      expect(await page.locator('.timeline li').count()).toBeGreaterThan(0);
      await look(page, size, 'enterprise-collaboration');
    });

    it(`lets the team open a matched demand, say interested and stay where it was (${size})`, async () => {
      const page = await openPage(size);
      await logIn(page, world.users.university.email, /\/profile$/);
      await page.goto(`${baseUrl}/matched-demands`);
      await look(page, size, 'university-matched');
      const card = page.locator('.matched-demand').first();
      const id = (await card.getAttribute('id')) ?? '';
      const button = card.locator('button[type="submit"]');
      if (await button.count()) {
        await Promise.all([page.waitForURL(/\/matched-demands#demand-\d+$/), button.click()]);
        expect(new URL(page.url()).hash).toBe(`#${id}`);
        expect(await page.locator(`#${id}`).isVisible()).toBe(true);
      }
      await card.locator('h3 a').click();
      await page.waitForURL(/\/matched-demands\/\d+$/);
      await look(page, size, 'university-demand');
      await page.goto(`${baseUrl}/collaborations/${collaborationId}`);
      expect(await page.locator('main').textContent()).toContain('企业联系人');
      await look(page, size, 'university-collaboration');
    });

    it(`lets staff page the queue, act on a row and land back on it (${size})`, async () => {
      const page = await openPage(size);
      await logIn(page, world.users.staff.email, /\/staff\/queue$/);
      await page.goto(`${baseUrl}/staff/queue?sort=score`);
      expect(await page.locator('tr[id^="pair-"]').count()).toBe(50);
      await look(page, size, 'staff-queue');
      await Promise.all([page.waitForURL(/page=2/), page.click('.pager a[rel="next"]')]);
      const rows = page.locator('tr[id^="pair-"]');
      expect(await rows.count()).toBeGreaterThan(0);
      // A row that can still be shortlisted (the desktop run shortlisted one already).
      const row = rows.filter({ has: page.locator('button[formaction$="/shortlist"]') }).nth(2);
      const rowId = (await row.getAttribute('id')) ?? '';
      await Promise.all([
        page.waitForURL(new RegExp(`page=2#${rowId}$`)),
        row.locator('button[formaction$="/shortlist"]').click(),
      ]);
      expect(await page.locator('.flash-success').textContent()).toContain('已入围');
      const landed = page.locator(`#${rowId}`);
      expect(await landed.textContent()).toContain('已入围');
      const box = await landed.boundingBox();
      // Scrolled to the row (a fraction of a pixel either way is rounding).
      expect(box && box.y > -2 && box.y < VIEWPORTS[size].height).toBe(true);
      await look(page, size, 'staff-queue-page-2');
      await page.goto(`${baseUrl}/demands/${world.publicDemand.id}`);
      await look(page, size, 'staff-demand');
      await page.goto(`${baseUrl}/staff/dashboard`);
      await page.waitForSelector('[data-chart-drawn="true"]');
      await look(page, size, 'staff-dashboard');
      await page.goto(`${baseUrl}/staff/enterprises`);
      await look(page, size, 'staff-enterprises');
      await page.goto(`${baseUrl}/staff/collaborations`);
      await look(page, size, 'staff-collaborations');
    });
  }

  it('scrolled no page sideways at 390 px and logged no errors', () => {
    expect(sideways, sideways.join('\n')).toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
