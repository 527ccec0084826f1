import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../../services/db/index.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { insertBrokeringWorld, insertCandidate, insertDemand } from '../../../test/support/brokering.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
  writeAsAnotherProcess,
} from '../../../test/support/databases.js';
import { FIXTURE_PASSWORD } from '../../../test/support/fixtures.js';
import { type Agent, csrfTokenIn, logInAs } from '../../../test/support/sessions.js';

const rowIds = (html: string) => [...html.matchAll(/<tr id="pair-(\d+)"/g)].map((match) => Number(match[1]));
const countIn = (html: string) => Number(/共 (\d+) 对/.exec(html)?.[1] ?? Number.NaN);
const rowOf = (html: string, id: number) =>
  new RegExp(`<tr id="pair-${id}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
const decoded = (html: string) => html.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');

/** 60 faculty pairs on 3 demands, scores 0.20–0.79, so a page of 50 leaves 10 for the second. */
async function insertSixtyPairs(
  database: TestDatabase,
  world: Awaited<ReturnType<typeof insertBrokeringWorld>>,
) {
  const { db } = database;
  const demands = [
    await insertDemand(db, world.enterprise.id, { title: '热压罐固化周期缩短' }),
    await insertDemand(db, world.enterprise.id, { title: '碳纤维预浸料低温固化' }),
    await insertDemand(db, world.enterprise.id, { title: '复合材料无损检测', demandClass: 'systemic' }),
  ];
  const faculty = await db
    .insert(schema.faculty)
    .values(
      Array.from({ length: 20 }, (_, index) => ({
        universityId: index % 2 ? world.otherUniversity.id : world.university.id,
        name: `教师${String(index).padStart(2, '0')}`,
        title: 'lecturer',
      })),
    )
    .returning();
  const pairs = [];
  for (const [demandIndex, demand] of demands.entries())
    for (const [index, member] of faculty.entries())
      pairs.push(
        await insertCandidate(db, {
          demandId: demand.id,
          facultyId: member.id,
          score: 0.2 + (demandIndex * 20 + index) / 100,
        }),
      );
  return { demands, pairs };
}

describeEachDatabase('the staff queue at scale', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let staff: Agent;
  let pairs: Awaited<ReturnType<typeof insertSixtyPairs>>['pairs'];
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
    ({ pairs } = await insertSixtyPairs(database, world));
    app = await createTestApp(database);
    staff = await logInAs(app, world.staffUser.email, FIXTURE_PASSWORD);
  });
  afterAll(() => app.stop());

  it('pages the queue 50 at a time with a count, best score first when asked', async () => {
    const first = await staff.get('/staff/queue?sort=score').expect(200);
    expect(countIn(first.text)).toBe(60);
    const firstIds = rowIds(first.text);
    expect(firstIds).toHaveLength(50);
    expect(firstIds[0]).toBe(pairs.at(-1)!.id);
    expect(decoded(first.text)).toContain('href="/staff/queue?sort=score&page=2"');
    const second = await staff.get('/staff/queue?sort=score&page=2').expect(200);
    expect(rowIds(second.text)).toHaveLength(10);
    expect(rowIds(second.text)).not.toContain(firstIds[0]);
    const beyond = await staff.get('/staff/queue?sort=score&page=9').expect(200);
    expect(rowIds(beyond.text)).toEqual(rowIds(second.text));
  });

  it('filters by class, university, minimum score, both-interested and a search, all kept in the URL', async () => {
    expect(countIn((await staff.get('/staff/queue?class=systemic')).text)).toBe(20);
    expect(countIn((await staff.get(`/staff/queue?university=${world.otherUniversity.id}`)).text)).toBe(30);
    // Scores 0.20–0.79: 70 and above are the last ten.
    expect(countIn((await staff.get('/staff/queue?minScore=70')).text)).toBe(10);
    expect(countIn((await staff.get(`/staff/queue?q=${encodeURIComponent('低温 教师03')}`)).text)).toBe(1);
    await database.db
      .update(schema.matchCandidates)
      .set({ enterpriseInterested: true, profileInterested: true })
      .where(eq(schema.matchCandidates.id, pairs[5]!.id));
    const both = await staff.get('/staff/queue?both=1&class=chokepoint').expect(200);
    expect(rowIds(both.text)).toEqual([pairs[5]!.id]);
    expect(both.text).toContain('name="both" value="1" checked');
    expect(decoded(both.text)).toContain('name="back" value="/staff/queue?class=chokepoint&both=1"');
  });

  it('shows what another process wrote on the next view of the same page, in either language', async () => {
    const url = '/staff/queue?sort=score';
    // Not one of the best three, which the bulk test ticks.
    const top = rowIds((await staff.get(url).expect(200)).text)[10];
    expect(rowOf((await staff.get(`${url}&lang=en`).expect(200)).text, top!)).toContain('Suggested');
    await writeAsAnotherProcess(database, async (db) => {
      const pair = pairs.find((candidate) => candidate.id === top)!;
      await db
        .update(schema.faculty)
        .set({ name: '改名的教师' })
        .where(eq(schema.faculty.id, pair.facultyId!));
      await db
        .update(schema.matchCandidates)
        .set({ status: 'shortlisted' })
        .where(eq(schema.matchCandidates.id, top!));
    });
    const after = rowOf((await staff.get(`${url}&lang=en`).expect(200)).text, top!);
    expect(after).toContain('改名的教师');
    expect(after).toContain('Shortlisted');
    expect(rowOf((await staff.get(`${url}&lang=zh-CN`).expect(200)).text, top!)).toContain('已入围');
  });

  it('returns to the same page and row after an action, with a message', async () => {
    const page = await staff.get('/staff/queue?sort=score&page=2').expect(200);
    const [target] = rowIds(page.text);
    const token = csrfTokenIn(page.text);
    const back = '/staff/queue?sort=score&page=2';
    const shortlisted = await staff
      .post(`/staff/queue/${target}/shortlist`)
      .type('form')
      .send({ _csrf: token, back });
    expect(shortlisted.headers.location).toBe(`${back}#pair-${target}`);
    const after = await staff.get(back).expect(200);
    expect(after.text).toContain('已入围。');
    const pairPage = await staff.get(`/staff/queue/${target}?back=${encodeURIComponent(back)}`).expect(200);
    expect(decoded(pairPage.text)).toContain(`href="${back}#pair-${target}"`);
    const declined = await staff
      .post(`/staff/queue/${target}/decline`)
      .type('form')
      .send({ _csrf: token, back, reason: 'capacity_full' });
    expect(declined.headers.location).toBe(`${back}#pair-${target}`);
    expect((await staff.get(back)).text).toContain('已婉拒，对方将看到原因。');
  });

  it('shortlists or declines the ticked pairs in bulk, and asks for one reason to decline', async () => {
    const page = await staff.get('/staff/queue?sort=score').expect(200);
    const token = csrfTokenIn(page.text);
    const ticked = rowIds(page.text).slice(0, 3);
    const noReason = await staff
      .post('/staff/queue/bulk')
      .type('form')
      .send({ _csrf: token, back: '/staff/queue?sort=score', ids: ticked, bulkAction: 'decline' });
    expect(noReason.status).toBe(303);
    expect((await staff.get('/staff/queue?sort=score')).text).toContain('批量婉拒需要选择一个原因。');
    const statuses = async () =>
      (
        await database.db
          .select({ status: schema.matchCandidates.status })
          .from(schema.matchCandidates)
          .where(inArray(schema.matchCandidates.id, ticked))
      ).map((row) => row.status);
    expect(await statuses()).toEqual(['suggested', 'suggested', 'suggested']);
    await staff
      .post('/staff/queue/bulk')
      .type('form')
      .send({ _csrf: token, back: '/staff/queue', ids: ticked, bulkAction: 'shortlist' });
    expect(await statuses()).toEqual(['shortlisted', 'shortlisted', 'shortlisted']);
    const declined = await staff.post('/staff/queue/bulk').type('form').send({
      _csrf: token,
      back: '/staff/queue',
      ids: ticked,
      bulkAction: 'decline',
      bulkReason: 'capacity_full',
    });
    expect(declined.headers.location).toBe('/staff/queue');
    expect((await staff.get('/staff/queue')).text).toContain('已婉拒 3 对；0 对因状态已变未处理。');
    expect(await statuses()).toEqual(['declined', 'declined', 'declined']);
    const again = await staff
      .post('/staff/queue/bulk')
      .type('form')
      .send({ _csrf: token, back: '/staff/queue', ids: ticked, bulkAction: 'shortlist' });
    expect(again.status).toBe(303);
    expect((await staff.get('/staff/queue')).text).toContain('已入围 0 对；3 对因状态已变未处理。');
  });

  it('opens the fairness proposal again on a reload, and shows scores 0–100 there', async () => {
    const token = csrfTokenIn((await staff.get('/staff/queue')).text);
    const made = await staff
      .post('/staff/queue/proposal')
      .type('form')
      .send({ _csrf: token, chain: 'carbon_fiber' });
    expect(made.status).toBe(303);
    expect(made.headers.location).toBe('/staff/queue/proposal?chain=carbon_fiber');
    await staff.get('/staff/queue/proposal?chain=carbon_fiber').expect(200);
    await staff.get('/staff/queue/proposal?chain=carbon_fiber&lang=en').expect(200);
    expect((await staff.get('/staff/queue/proposal')).status).toBe(302);
  });
});
