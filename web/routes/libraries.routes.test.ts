import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertDemand, insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';

/** Words only the secret demand uses, so any leak of it (title, snippet, count) can be searched for. */
const SECRET_WORDS = '钛合金隐身涂层';
const SECRET_TITLE = `保密：舰船${SECRET_WORDS}工艺`;
const SECRET_DESCRIPTION = `需要一种${SECRET_WORDS}的低温喷涂工艺，耐盐雾两千小时。`;
const PAGE_FILLERS = 23;

const countIn = (html: string) => Number(/共 (\d+) 条/.exec(html)?.[1] ?? Number.NaN);
const rowsIn = (html: string) => (html.match(/class="card library-entry"/g) ?? []).length;

describeEachDatabase('the three libraries and their detail pages', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let world: PortalWorld;
  let secretId: number;
  const sessions = {} as Record<'enterprise' | 'otherEnterprise' | 'university' | 'staff', PortalSession>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    world = await insertPortalWorld(db);
    secretId = (
      await insertDemand(db, {
        enterpriseId: world.enterprise.id,
        title: SECRET_TITLE,
        description: SECRET_DESCRIPTION,
        chainCode: 'marine_equipment',
        visibility: 'confidential',
      })
    ).id;
    for (let index = 0; index < PAGE_FILLERS; index++)
      await insertDemand(db, {
        enterpriseId: world.otherEnterprise.id,
        title: `船用钓具碳纤维竿体需求 ${index}`,
        description: `钓具用碳纤维竿体的轻量化设计，第 ${index} 项。`,
        chainCode: 'fishing_tackle',
        demandClass: index % 2 ? 'chain' : 'systemic',
        expectedTrl: (index % 9) + 1,
        budgetMin: index * 10,
        budgetMax: index * 10 + 50,
      });
    await insertDemand(db, {
      enterpriseId: world.enterprise.id,
      title: '复合材料<script>alert(1)</script>检测',
      description: '描述里有 <b>标签</b> 与 <script>alert("x")</script>，复合材料无损检测。',
    });
    await db.insert(schema.collaborations).values({
      demandId: world.publicDemand.id,
      enterpriseId: world.enterprise.id,
      leadTeamId: world.team.id,
      title: '碳纤维固化工艺合作',
      startedOn: '2026-01-05',
      stage: 'design_task',
    });
    const [collaboration] = await db.select().from(schema.collaborations);
    await db.insert(schema.collaborationTeams).values({
      collaborationId: collaboration!.id,
      demandId: world.publicDemand.id,
      teamId: world.team.id,
      isLead: true,
    });
    await db.insert(schema.milestones).values({
      collaborationId: collaboration!.id,
      stage: 'design_task',
      title: '完成固化工艺方案评审',
      dueOn: '2027-06-30',
    });
    await db
      .update(schema.enterprises)
      .set({ contactPhone: '0631-5550001', contactEmail: 'contact@firm.example' })
      .where(eq(schema.enterprises.id, world.enterprise.id));
    app = await createTestApp(database);
    for (const role of ['enterprise', 'otherEnterprise', 'university', 'staff'] as const)
      sessions[role] = await portalSession(app, world.users[role].email);
  });
  afterAll(() => app.stop());

  it('lists open public demands newest first, with a count and pages of 20, to anyone', async () => {
    const first = await request(app.express).get('/demands').expect(200);
    const open = 1 + PAGE_FILLERS + 1; // the public demand, the fillers, the one with markup
    expect(countIn(first.text)).toBe(open);
    expect(rowsIn(first.text)).toBe(20);
    expect(first.text).toContain('最新在前');
    // Handlebars writes = as &#x3D; in attributes; a browser reads it back as =.
    expect(first.text.replaceAll('&#x3D;', '=')).toContain('href="/demands?page=2"');
    const second = await request(app.express).get('/demands?page=2').expect(200);
    expect(rowsIn(second.text)).toBe(open - 20);
    expect(second.text).toContain(world.publicDemand.title);
    const beyond = await request(app.express).get('/demands?page=99').expect(200);
    expect(rowsIn(beyond.text)).toBe(open - 20);
    for (const hidden of [world.confidentialDemand.title, world.draftDemand.title, SECRET_TITLE])
      expect(first.text + second.text).not.toContain(hidden);
  });

  it('filters demands by chain, class, TRL and budget, and keeps the filters in the pages’ links', async () => {
    const fishing = await request(app.express).get('/demands?chain=fishing_tackle').expect(200);
    expect(countIn(fishing.text)).toBe(PAGE_FILLERS);
    expect(fishing.text.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&')).toContain(
      'href="/demands?chain=fishing_tackle&page=2"',
    );
    const chain = await request(app.express).get('/demands?chain=fishing_tackle&class=chain').expect(200);
    expect(countIn(chain.text)).toBe(Math.floor(PAGE_FILLERS / 2));
    expect(chain.text).not.toContain(world.publicDemand.title);
    const trl = await request(app.express).get('/demands?chain=fishing_tackle&trl=9').expect(200);
    expect(countIn(trl.text)).toBe(PAGE_FILLERS >= 9 ? Math.floor((PAGE_FILLERS - 9) / 9) + 1 : 0);
    // Ranges 0–50, 10–60, …: those overlapping 100–120 are the fillers 5 to 12.
    const budget = await request(app.express).get('/demands?budgetFrom=100&budgetTo=120').expect(200);
    expect(countIn(budget.text)).toBe(8);
    const swapped = await request(app.express).get('/demands?budgetFrom=120&budgetTo=100').expect(200);
    expect(countIn(swapped.text)).toBe(8);
    const nonsense = await request(app.express).get('/demands?chain=moon&trl=x&budgetTo=-1').expect(200);
    expect(countIn(nonsense.text)).toBe(countIn((await request(app.express).get('/demands')).text));
  });

  it('ranks by the query, highlights its words in an escaped snippet, and links every entry', async () => {
    const page = await request(app.express)
      .get(`/demands?q=${encodeURIComponent('碳纤维 竿体')}`)
      .expect(200);
    expect(page.text).toContain('按匹配度排序');
    expect(page.text).toMatch(/<mark>竿体<\/mark>/);
    expect(page.text).toMatch(/href="\/demands\/\d+"/);
    const markup = await request(app.express)
      .get(`/demands?q=${encodeURIComponent('无损检测')}`)
      .expect(200);
    expect(markup.text).toContain('&lt;script&gt;');
    expect(markup.text).not.toContain('<script>alert');
    expect(markup.text).not.toContain('<b>标签</b>');
  });

  it('never shows a confidential demand to someone not allowed: not in results, counts or snippets', async () => {
    const query = `/demands?q=${encodeURIComponent(SECRET_WORDS)}`;
    for (const agent of [request(app.express), sessions.otherEnterprise.agent, sessions.university.agent]) {
      const page = await agent.get(query).expect(200);
      expect(page.text).not.toContain(SECRET_TITLE);
      expect(page.text).not.toContain('耐盐雾');
      expect(countIn(page.text)).toBe(0);
      expect(page.text).toMatch(/需求库 <span class="count">0<\/span>/);
      await agent.get(`/demands/${secretId}`).expect(404);
    }
    for (const allowed of [sessions.enterprise, sessions.staff]) {
      const page = await allowed.agent.get(query).expect(200);
      expect(countIn(page.text)).toBe(1);
      expect(page.text).toContain(SECRET_TITLE);
    }
    // The team staff introduced to a confidential demand finds it; the other team does not.
    await database.db.insert(schema.matchCandidates).values({
      demandId: secretId,
      teamId: world.team.id,
      score: 0.4,
      status: 'introduced',
    });
    const introduced = await sessions.university.agent.get(query).expect(200);
    expect(countIn(introduced.text)).toBe(1);
    const other = await portalSession(app, world.users.otherUniversity.email);
    expect(countIn((await other.agent.get(query)).text)).toBe(0);
  });

  it('lets only staff browse demands of any status', async () => {
    const staff = await sessions.staff.agent.get('/demands?status=draft').expect(200);
    expect(staff.text).toContain(world.draftDemand.title);
    const firm = await sessions.otherEnterprise.agent.get('/demands?status=draft').expect(200);
    expect(firm.text).not.toContain(world.draftDemand.title);
  });

  it('sends the header search to the demand library, with a tab and a count for each library', async () => {
    const redirect = await request(app.express).get('/search?q=%E7%A2%B3%E7%BA%A4%E7%BB%B4').expect(302);
    expect(redirect.headers.location).toBe('/demands?q=%E7%A2%B3%E7%BA%A4%E7%BB%B4');
    const results = await request(app.express).get('/search?q=x&in=results').expect(302);
    expect(results.headers.location).toBe('/results?q=x');
    const page = await request(app.express).get('/experts?q=%E7%A2%B3%E7%BA%A4%E7%BB%B4').expect(200);
    for (const tab of ['需求库', '成果库', '专家库'])
      expect(page.text).toMatch(new RegExp(`${tab} <span class="count">\\d+</span>`));
  });

  it('lists results and experts with their filters, and opens each one’s page without contact details', async () => {
    const results = await request(app.express).get('/results?trl=7').expect(200);
    expect(results.text).toContain(world.otherResult.title);
    expect(results.text).not.toContain(world.result.title);
    const result = await request(app.express).get(`/results/${world.result.id}`).expect(200);
    expect(result.text).toContain(world.team.nameZh);
    await request(app.express).get('/results/999999').expect(404);

    const supervisors = await request(app.express).get('/experts?kind=faculty&supervisor=1').expect(200);
    expect(supervisors.text).toContain(world.member.name);
    expect(supervisors.text).not.toContain(world.otherMember.name);
    const byTitle = await request(app.express)
      .get('/experts?kind=faculty&title=associate_professor')
      .expect(200);
    expect(byTitle.text).toContain(world.otherMember.name);
    const teams = await request(app.express).get('/experts?chain=marine_equipment').expect(200);
    expect(teams.text).toContain(world.otherTeam.nameZh);
    expect(teams.text).not.toContain(world.team.nameZh);

    const team = await request(app.express).get(`/experts/teams/${world.team.id}`).expect(200);
    expect(team.text).toContain(world.member.name);
    expect(team.text).toContain('专利');
    expect(team.text).toContain('2021');
    expect(team.text).toContain(world.work.title);
    expect(team.text).toContain(world.result.title);
    expect(team.text).toMatch(/进行中的产学研合作（项）<\/dt><dd>1<\/dd>/);
    expect(team.text).not.toContain(world.enterprise.name);
    const member = await request(app.express)
      .get(`/experts/faculty/${world.otherMember.id}?evidence=${encodeURIComponent(world.otherWork.title)}`)
      .expect(200);
    expect(member.text).toContain('class="best-evidence"');
    expect(member.text).not.toContain('li@example.edu.cn');
    await request(app.express).get('/experts/faculty/999999').expect(404);
  });

  it('shows staff a demand with its ranked candidates and their brokering state', async () => {
    const page = await sessions.staff.agent.get(`/demands/${world.publicDemand.id}`).expect(200);
    expect(page.text).toContain(world.team.nameZh);
    expect(page.text).toContain(`href="/experts/teams/${world.team.id}`);
    expect(page.text).not.toContain('/edit"');
    const firm = await sessions.enterprise.agent.get(`/demands/${world.publicDemand.id}`).expect(200);
    expect(firm.text).toContain(`/demands/${world.publicDemand.id}/close`);
    const confirm = await sessions.enterprise.agent
      .get(`/demands/${world.publicDemand.id}/close`)
      .expect(200);
    expect(confirm.text).toContain('确认关闭');
  });

  it('shows both sides their collaboration read-only, each with the other side’s contact', async () => {
    const firm = await sessions.enterprise.agent.get('/collaborations').expect(200);
    const id = /href="\/collaborations\/(\d+)"/.exec(firm.text)?.[1];
    expect(id).toBeDefined();
    const firmPage = await sessions.enterprise.agent.get(`/collaborations/${id}`).expect(200);
    expect(firmPage.text).toContain('完成固化工艺方案评审');
    expect(firmPage.text).toContain('aria-current="step"');
    expect(firmPage.text).toContain('团队联系人');
    expect(firmPage.text).not.toContain('<form method="post" action="/staff');
    const teamPage = await sessions.university.agent.get(`/collaborations/${id}`).expect(200);
    expect(teamPage.text).toContain('contact@firm.example');
    expect(teamPage.text).toContain('2027-06-30');
    await sessions.otherEnterprise.agent.get(`/collaborations/${id}`).expect(404);
    const otherTeam = await portalSession(app, world.users.otherUniversity.email);
    await otherTeam.agent.get(`/collaborations/${id}`).expect(404);
    await sessions.staff.agent.get(`/collaborations/${id}`).expect(403);
  });
});
