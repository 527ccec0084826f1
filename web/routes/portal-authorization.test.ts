import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { applyForProject, reviewProject } from '../../services/projects/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import {
  APPLICATION,
  type ChokepointWorld,
  insertChokepointWorld,
} from '../../test/support/chokepoint-world.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { portalSession } from '../../test/support/portal-session.js';
import { insertDemand } from '../../test/support/portal-world.js';
import { type Agent, csrfTokenFor } from '../../test/support/sessions.js';

const ROLES = [
  'anonymous',
  'enterprise',
  'otherEnterprise',
  'university',
  'otherUniversity',
  'staff',
  'admin',
] as const;
/** The library's cases add staff of another chain, who may read a chain's projects but not decide. */
const LIBRARY_ROLES = [...ROLES, 'otherStaff'] as const;
type Role = (typeof LIBRARY_ROLES)[number];
type Expected = Partial<Record<Role, number>>;

/** The records each case points at: "own" ones belong to `enterprise` or `university`, the others to their rivals. */
interface Records extends ChokepointWorld {
  closable: number;
  otherClosable: number;
  deletableWork: number;
  /** The firm's application under review (carbon fibre), and the other firm's (ships). */
  ownProject: number;
  otherProject: number;
  admittedProject: number;
  consortium: number;
}

interface Case {
  name: string;
  method: 'get' | 'post' | 'patch';
  path: (records: Records) => string;
  body?: Record<string, unknown>;
  expected: Expected;
}

/** Statuses by role, written left to right in ROLES order so the table reads as a grid. */
const grid = (...statuses: number[]): Expected =>
  Object.fromEntries(
    (statuses.length === LIBRARY_ROLES.length ? LIBRARY_ROLES : ROLES).map((role, index) => [
      role,
      statuses[index]!,
    ]),
  ) as Expected;

const FORBIDDEN = 403;
const invalidDemand = { title: '', intent: 'publish' };

//                                                              anon ent  otherE uni  otherU staff admin
const CASES: Case[] = [
  // The enterprise's pages.
  {
    name: 'demand list',
    method: 'get',
    path: () => '/demands',
    expected: grid(302, 200, 200, 403, 403, 403, 403),
  },
  {
    name: 'new demand form',
    method: 'get',
    path: () => '/demands/new',
    expected: grid(302, 200, 200, 403, 403, 403, 403),
  },
  {
    name: 'post a demand',
    method: 'post',
    path: () => '/demands',
    body: invalidDemand,
    expected: grid(302, 400, 400, 403, 403, 403, 403),
  },
  {
    name: 'own demand page',
    method: 'get',
    path: (r) => `/demands/${r.publicDemand.id}`,
    expected: grid(302, 200, 404, 403, 403, 403, 403),
  },
  {
    name: 'someone else’s demand page',
    method: 'get',
    path: (r) => `/demands/${r.otherDemand.id}`,
    expected: grid(302, 404, 200, 403, 403, 403, 403),
  },
  {
    name: 'unknown demand page',
    method: 'get',
    path: () => '/demands/999999',
    expected: grid(302, 404, 404, 403, 403, 403, 403),
  },
  {
    name: 'malformed demand id',
    method: 'get',
    path: () => '/demands/1%27%20or%201=1',
    expected: grid(302, 404, 404, 403, 403, 403, 403),
  },
  {
    name: 'own demand edit form',
    method: 'get',
    path: (r) => `/demands/${r.confidentialDemand.id}/edit`,
    expected: grid(302, 200, 404, 403, 403, 403, 403),
  },
  {
    name: 'someone else’s demand edit form',
    method: 'get',
    path: (r) => `/demands/${r.otherDemand.id}/edit`,
    expected: grid(302, 404, 200, 403, 403, 403, 403),
  },
  {
    name: 'save own demand',
    method: 'post',
    path: (r) => `/demands/${r.publicDemand.id}`,
    body: invalidDemand,
    expected: grid(302, 400, 404, 403, 403, 403, 403),
  },
  {
    name: 'save someone else’s demand',
    method: 'post',
    path: (r) => `/demands/${r.otherDemand.id}`,
    body: invalidDemand,
    expected: grid(302, 404, 400, 403, 403, 403, 403),
  },
  {
    name: 'interest in a candidate of own demand',
    method: 'post',
    path: (r) => `/demands/${r.publicDemand.id}/interest`,
    body: { kind: 'faculty', profileId: '1' },
    expected: grid(302, 303, 404, 403, 403, 403, 403),
  },
  {
    name: 'close own demand',
    method: 'post',
    path: (r) => `/demands/${r.closable}/close`,
    expected: grid(302, 303, 404, 403, 403, 403, 403),
  },
  {
    name: 'close someone else’s demand',
    method: 'post',
    path: (r) => `/demands/${r.otherClosable}/close`,
    expected: grid(302, 404, 303, 403, 403, 403, 403),
  },
  {
    name: 'company page',
    method: 'get',
    path: () => '/company',
    expected: grid(302, 200, 200, 403, 403, 403, 403),
  },
  {
    name: 'save company',
    method: 'post',
    path: () => '/company',
    body: { industry: '' },
    expected: grid(302, 400, 400, 403, 403, 403, 403),
  },
  {
    name: 'introductions',
    method: 'get',
    path: () => '/introductions',
    expected: grid(302, 200, 200, 200, 200, 403, 403),
  },
  // The university's pages.
  {
    name: 'profile',
    method: 'get',
    path: () => '/profile',
    expected: grid(302, 403, 403, 200, 200, 403, 403),
  },
  {
    name: 'save team',
    method: 'post',
    path: () => '/profile/team',
    body: { description: '' },
    expected: grid(302, 403, 403, 400, 400, 403, 403),
  },
  {
    name: 'save faculty',
    method: 'post',
    path: () => '/profile/faculty',
    body: { researchDirections: '' },
    expected: grid(302, 403, 403, 400, 400, 403, 403),
  },
  {
    name: 'new work form',
    method: 'get',
    path: () => '/profile/works/new',
    expected: grid(302, 403, 403, 200, 200, 403, 403),
  },
  {
    name: 'add work',
    method: 'post',
    path: () => '/profile/works',
    body: {},
    expected: grid(302, 403, 403, 400, 400, 403, 403),
  },
  {
    name: 'own work edit form',
    method: 'get',
    path: (r) => `/profile/works/${r.work.id}/edit`,
    expected: grid(302, 403, 403, 200, 404, 403, 403),
  },
  {
    name: 'someone else’s work edit form',
    method: 'get',
    path: (r) => `/profile/works/${r.otherWork.id}/edit`,
    expected: grid(302, 403, 403, 404, 200, 403, 403),
  },
  {
    name: 'save own work',
    method: 'post',
    path: (r) => `/profile/works/${r.work.id}`,
    body: {},
    expected: grid(302, 403, 403, 400, 404, 403, 403),
  },
  {
    name: 'delete someone else’s work',
    method: 'post',
    path: (r) => `/profile/works/${r.otherWork.id}/delete`,
    expected: grid(302, 403, 403, 404, 303, 403, 403),
  },
  {
    name: 'delete own work',
    method: 'post',
    path: (r) => `/profile/works/${r.deletableWork}/delete`,
    expected: grid(302, 403, 403, 303, 404, 403, 403),
  },
  {
    name: 'new result form',
    method: 'get',
    path: () => '/profile/results/new',
    expected: grid(302, 403, 403, 200, 200, 403, 403),
  },
  {
    name: 'add result',
    method: 'post',
    path: () => '/profile/results',
    body: {},
    expected: grid(302, 403, 403, 400, 400, 403, 403),
  },
  {
    name: 'own result edit form',
    method: 'get',
    path: (r) => `/profile/results/${r.result.id}/edit`,
    expected: grid(302, 403, 403, 200, 404, 403, 403),
  },
  {
    name: 'save someone else’s result',
    method: 'post',
    path: (r) => `/profile/results/${r.otherResult.id}`,
    body: {},
    expected: grid(302, 403, 403, 404, 400, 403, 403),
  },
  {
    name: 'matched demands',
    method: 'get',
    path: () => '/matched-demands',
    expected: grid(302, 403, 403, 200, 200, 403, 403),
  },
  {
    name: 'public demand for universities',
    method: 'get',
    path: (r) => `/matched-demands/${r.publicDemand.id}`,
    expected: grid(302, 403, 403, 200, 200, 403, 403),
  },
  {
    name: 'confidential demand introduced to the team',
    method: 'get',
    path: (r) => `/matched-demands/${r.confidentialDemand.id}`,
    expected: grid(302, 403, 403, 200, 404, 403, 403),
  },
  {
    name: 'draft demand for universities',
    method: 'get',
    path: (r) => `/matched-demands/${r.draftDemand.id}`,
    expected: grid(302, 403, 403, 404, 404, 403, 403),
  },
  {
    name: 'interest in a confidential demand',
    method: 'post',
    path: (r) => `/matched-demands/${r.confidentialDemand.id}/interest`,
    expected: grid(302, 403, 403, 303, 404, 403, 403),
  },
  // The JSON API.
  {
    name: 'API demand list',
    method: 'get',
    path: () => '/api/v1/demands',
    expected: grid(401, 200, 200, 200, 200, 200, 200),
  },
  {
    name: 'API create demand',
    method: 'post',
    path: () => '/api/v1/demands',
    body: {},
    expected: grid(401, 400, 400, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
  },
  {
    name: 'API public demand',
    method: 'get',
    path: (r) => `/api/v1/demands/${r.publicDemand.id}`,
    expected: grid(401, 200, 404, 200, 200, 200, 200),
  },
  {
    name: 'API confidential demand',
    method: 'get',
    path: (r) => `/api/v1/demands/${r.confidentialDemand.id}`,
    expected: grid(401, 200, 404, 200, 404, 200, 200),
  },
  {
    name: 'API draft demand',
    method: 'get',
    path: (r) => `/api/v1/demands/${r.draftDemand.id}`,
    expected: grid(401, 200, 404, 404, 404, 200, 200),
  },
  {
    name: 'API unknown demand',
    method: 'get',
    path: () => '/api/v1/demands/999999',
    expected: grid(401, 404, 404, 404, 404, 404, 404),
  },
  {
    name: 'API patch public demand',
    method: 'patch',
    path: (r) => `/api/v1/demands/${r.publicDemand.id}`,
    body: { expectedTrl: 'x' },
    expected: grid(401, 400, 404, 403, 403, 403, 403),
  },
  {
    name: 'API patch confidential demand',
    method: 'patch',
    path: (r) => `/api/v1/demands/${r.confidentialDemand.id}`,
    body: { expectedTrl: 'x' },
    expected: grid(401, 400, 404, 403, 404, 403, 403),
  },
  {
    name: 'API matches of a public demand',
    method: 'get',
    path: (r) => `/api/v1/demands/${r.publicDemand.id}/matches`,
    expected: grid(401, 200, 404, 403, 403, 200, 200),
  },
  {
    name: 'API matches of someone else’s demand',
    method: 'get',
    path: (r) => `/api/v1/demands/${r.otherDemand.id}/matches`,
    expected: grid(401, 404, 200, 404, 404, 200, 200),
  },
  {
    name: 'API team profile',
    method: 'get',
    path: (r) => `/api/v1/profiles/teams/${r.team.id}`,
    expected: grid(401, 200, 200, 200, 200, 200, 200),
  },
  {
    name: 'API patch own team',
    method: 'patch',
    path: (r) => `/api/v1/profiles/teams/${r.team.id}`,
    body: { researchDirections: [] },
    expected: grid(401, 403, 403, 400, 403, 403, 403),
  },
  {
    name: 'API unknown team',
    method: 'patch',
    path: () => '/api/v1/profiles/teams/999999',
    body: {},
    expected: grid(401, 404, 404, 404, 404, 404, 404),
  },
  {
    name: 'API faculty profile',
    method: 'get',
    path: (r) => `/api/v1/profiles/faculty/${r.member.id}`,
    expected: grid(401, 200, 200, 200, 200, 200, 200),
  },
  {
    name: 'API patch own faculty',
    method: 'patch',
    path: (r) => `/api/v1/profiles/faculty/${r.member.id}`,
    body: { researchDirections: [] },
    expected: grid(401, 403, 403, 400, 403, 403, 403),
  },
];

//                                                              anon ent  otherE uni  otherU staff admin otherStaff
const LIBRARY_CASES: Case[] = [
  {
    name: 'own choke-point applications',
    method: 'get',
    path: () => '/projects',
    expected: grid(302, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    name: 'own application page',
    method: 'get',
    path: (r) => `/projects/${r.ownProject}`,
    expected: grid(302, 200, 404, 403, 403, 403, 403, 403),
  },
  {
    name: 'someone else’s application page',
    method: 'get',
    path: (r) => `/projects/${r.otherProject}`,
    expected: grid(302, 404, 200, 403, 403, 403, 403, 403),
  },
  {
    name: 'application form from own demand',
    method: 'get',
    path: (r) => `/projects/apply?demand=${r.publicDemand.id}`,
    expected: grid(302, 200, 404, 403, 403, 403, 403, 403),
  },
  {
    name: 'apply without naming a demand of one’s own',
    method: 'post',
    path: () => '/projects',
    body: { title: '' },
    expected: grid(302, 404, 404, 403, 403, 403, 403, 403),
  },
  {
    name: 'revise an application not sent back',
    method: 'post',
    path: (r) => `/projects/${r.ownProject}`,
    body: { title: '' },
    expected: grid(302, 400, 404, 403, 403, 403, 403, 403),
  },
  {
    name: 'library',
    method: 'get',
    path: () => '/staff/projects',
    expected: grid(302, 403, 403, 403, 403, 200, 200, 200),
  },
  {
    name: 'library export',
    method: 'get',
    path: () => '/staff/projects/export?format=csv',
    expected: grid(302, 403, 403, 403, 403, 200, 200, 200),
  },
  {
    name: 'a chain’s project, for the bureau',
    method: 'get',
    path: (r) => `/staff/projects/${r.ownProject}`,
    expected: grid(302, 403, 403, 403, 403, 200, 200, 200),
  },
  {
    name: 'decide on a project of the chain',
    method: 'post',
    path: (r) => `/staff/projects/${r.ownProject}/review`,
    body: { decision: 'reject' },
    expected: grid(302, 403, 403, 403, 403, 302, 302, 403),
  },
  {
    name: 'record support for an admitted project',
    method: 'post',
    path: (r) => `/staff/projects/${r.admittedProject}/support`,
    body: { kind: 'loan', amount: '20000001' },
    expected: grid(302, 403, 403, 403, 403, 302, 302, 403),
  },
  {
    name: 'partners and benchmark rate',
    method: 'get',
    path: () => '/staff/partners',
    expected: grid(302, 403, 403, 403, 403, 200, 200, 200),
  },
  {
    name: 'consortia for the bureau',
    method: 'get',
    path: (r) => `/staff/consortia/${r.consortium}`,
    expected: grid(302, 403, 403, 403, 403, 200, 200, 200),
  },
  {
    name: 'keep a consortium of the chain',
    method: 'post',
    path: (r) => `/staff/consortia/${r.consortium}/tasks`,
    body: { title: '' },
    expected: grid(302, 403, 403, 403, 403, 302, 302, 403),
  },
  {
    name: 'own consortia',
    method: 'get',
    path: () => '/consortia',
    expected: grid(302, 200, 200, 200, 200, 403, 403, 403),
  },
  {
    name: 'a consortium’s page, for its members',
    method: 'get',
    path: (r) => `/consortia/${r.consortium}`,
    expected: grid(302, 200, 404, 200, 404, 403, 403, 403),
  },
];

describeEachDatabase('who may use each portal route', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let records: Records;
  const sessions = {} as Record<Role, { agent: Agent; token: string }>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const world = await insertChokepointWorld(database.db);
    const closable = await insertDemand(database.db, {
      enterpriseId: world.enterprise.id,
      title: '可关闭的需求',
    });
    const otherClosable = await insertDemand(database.db, {
      enterpriseId: world.otherEnterprise.id,
      title: '另一条可关闭的需求',
    });
    const [deletableWork] = await database.db
      .insert(schema.works)
      .values({ facultyId: world.member.id, kind: 'paper', title: '待删除的论文' })
      .returning();
    await database.db.insert(schema.matchCandidates).values({
      demandId: world.confidentialDemand.id,
      teamId: world.team.id,
      score: 0.5,
      status: 'introduced',
    });
    const ownDemand = await insertDemand(database.db, {
      enterpriseId: world.enterprise.id,
      title: '卡脖子：在审项目',
    });
    const admittedDemand = await insertDemand(database.db, {
      enterpriseId: world.enterprise.id,
      title: '卡脖子：入库项目',
    });
    const ownProject = await applyForProject(
      database.db,
      world.accounts.enterprise,
      ownDemand.id,
      APPLICATION,
    );
    const admittedProject = await applyForProject(
      database.db,
      world.accounts.enterprise,
      admittedDemand.id,
      APPLICATION,
    );
    await reviewProject(database.db, world.accounts.staff, admittedProject, { decision: 'admit' });
    const otherProject = await applyForProject(
      database.db,
      world.accounts.otherEnterprise,
      world.otherDemand.id,
      APPLICATION,
    );
    const [consortium] = await database.db
      .insert(schema.consortia)
      .values({
        name: '碳纤维创新联合体',
        leadEnterpriseId: world.enterprise.id,
        technologyLine: '碳纤维',
        chainCode: 'carbon_fiber',
      })
      .returning();
    await database.db.insert(schema.consortiumMembers).values([
      { consortiumId: consortium!.id, role: 'lead', enterpriseId: world.enterprise.id },
      { consortiumId: consortium!.id, role: 'supporting', teamId: world.team.id },
    ]);
    records = {
      ...world,
      ownProject,
      otherProject,
      admittedProject,
      consortium: consortium!.id,
      closable: closable.id,
      otherClosable: otherClosable.id,
      deletableWork: deletableWork!.id,
    };
    app = await createTestApp(database, { loginLimit: 1_000 });
    const anonymous = request.agent(app.express);
    sessions.anonymous = { agent: anonymous, token: await csrfTokenFor(anonymous, '/login') };
    const emails: Record<Exclude<Role, 'anonymous'>, string> = {
      otherStaff: world.otherStaffUser.email,
      enterprise: world.users.enterprise.email,
      otherEnterprise: world.users.otherEnterprise.email,
      university: world.users.university.email,
      otherUniversity: world.users.otherUniversity.email,
      staff: world.users.staff.email,
      admin: world.users.admin.email,
    };
    for (const [role, email] of Object.entries(emails))
      sessions[role as Role] = await portalSession(app, email);
  });
  afterAll(() => app.stop());

  function send(role: Role, item: Case) {
    const { agent, token } = sessions[role];
    const path = item.path(records);
    if (item.method === 'get') return agent.get(path);
    if (path.startsWith('/api/'))
      return agent[item.method](path)
        .set('X-CSRF-Token', token)
        .send(item.body ?? {});
    return agent[item.method](path)
      .type('form')
      .send({ ...(item.body ?? {}), _csrf: token });
  }

  const check = (item: Case, roles: readonly Role[]) =>
    it(`${item.method.toUpperCase()} ${item.name}`, async () => {
      const actual = {} as Expected;
      for (const role of roles) {
        const response = await send(role, item);
        actual[role] = response.status;
        // Only the anonymous visitor is sent to log in; a signed-in form post returns to its page.
        if (response.status === 302)
          expect(/^\/login\?next=/.test(response.headers.location ?? ''), role).toBe(role === 'anonymous');
      }
      expect(actual).toEqual(item.expected);
    });
  for (const item of CASES) check(item, ROLES);
  for (const item of LIBRARY_CASES) check(item, LIBRARY_ROLES);
});
