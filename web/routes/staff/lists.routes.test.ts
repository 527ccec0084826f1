import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../../services/db/index.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../../test/support/databases.js';
import { FIXTURE_PASSWORD, insertSmallWorld, insertUser } from '../../../test/support/fixtures.js';
import { type Agent, csrfTokenFor, logInAs } from '../../../test/support/sessions.js';

const GOOD_CSV =
  '\ufeff企业名称,所属行业,企业规模,所属创新链,联系人,联系电话\r\n威海海蓝船舶配套有限公司,船舶配套,小型,船舶与海工装备,孙经理,0631-5550001\r\n';
const BAD_CSV = '企业名称,所属行业,企业规模,所属创新链\r\n威海某某有限公司,船舶配套,巨型,火星采矿\r\n';

describeEachDatabase('the staff lists page', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let staff: Agent;

  const upload = async (agent: Agent, csv: string, mode: 'check' | 'import') =>
    agent
      .post('/staff/lists/import')
      .field('_csrf', await csrfTokenFor(agent, '/staff/lists'))
      .field('kind', 'enterprises')
      .field('mode', mode)
      .attach('file', Buffer.from(csv, 'utf8'), 'enterprises.csv');

  const enterpriseNamed = (name: string) =>
    database.db.select().from(schema.enterprises).where(eq(schema.enterprises.name, name));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const world = await insertSmallWorld(database.db);
    await insertUser(database.db, {
      email: 'staff@example.gov.cn',
      role: 'staff',
      staffId: world.staffMember.id,
    });
    await insertUser(database.db, {
      email: 'firm@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    });
    app = await createTestApp(database);
    staff = await logInAs(app, 'staff@example.gov.cn', FIXTURE_PASSWORD);
  });
  afterAll(() => database.dispose());

  it('checks an uploaded list and writes nothing', async () => {
    const response = await upload(staff, GOOD_CSV, 'check');
    expect(response.status).toBe(200);
    expect(response.text).toContain('将新增 1 条');
    expect(await enterpriseNamed('威海海蓝船舶配套有限公司')).toHaveLength(0);
  });

  it('imports the list when asked, and says so', async () => {
    const response = await upload(staff, GOOD_CSV, 'import');
    expect(response.status).toBe(200);
    expect(response.text).toContain('已导入：新增 1 条');
    expect(await enterpriseNamed('威海海蓝船舶配套有限公司')).toHaveLength(1);
    const again = await upload(staff, GOOD_CSV, 'import');
    expect(again.text).toContain('新增 0 条，更新 0 条，未变 1 条');
  });

  it('refuses a list with errors, naming row and column, and writes nothing', async () => {
    const response = await upload(staff, BAD_CSV, 'import');
    expect(response.status).toBe(422);
    expect(response.text).toContain('未写入任何数据');
    expect(response.text).toMatch(/<td class="num">2<\/td>/);
    expect(await enterpriseNamed('威海某某有限公司')).toHaveLength(0);
  });

  it('asks for a file when none was chosen', async () => {
    const token = await csrfTokenFor(staff, '/staff/lists');
    const response = await staff
      .post('/staff/lists/import')
      .field('_csrf', token)
      .field('kind', 'enterprises')
      .field('mode', 'check');
    expect(response.status).toBe(400);
    expect(response.text).toContain('请选择要上传的文件');
  });

  it('refuses an upload without its CSRF token, and an enterprise altogether', async () => {
    const noToken = await staff
      .post('/staff/lists/import')
      .field('kind', 'enterprises')
      .attach('file', Buffer.from(GOOD_CSV), 'e.csv');
    expect(noToken.status).toBe(403);
    const firm = await logInAs(app, 'firm@example.com', FIXTURE_PASSWORD);
    expect((await firm.get('/staff/lists')).status).toBe(403);
    expect((await upload(firm, GOOD_CSV, 'import').catch(() => ({ status: 403 }))).status).toBe(403);
    expect((await request(app.express).get('/staff/lists/export?list=demands')).status).toBe(302);
  });

  it('gives every list and the templates back as files Excel opens', async () => {
    const xlsx = await staff.get('/staff/lists/export?list=collaborations&format=xlsx').buffer(true);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const csv = await staff.get('/staff/lists/export?list=enterprises&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('威海海蓝船舶配套有限公司');
    const template = await staff.get('/staff/lists/template?kind=faculty&format=xlsx');
    expect(template.status).toBe(200);
    expect(template.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect((await staff.get('/staff/lists/export?list=nothing')).status).toBe(400);
  });
});
