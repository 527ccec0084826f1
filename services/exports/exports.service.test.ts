import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { listQueuePage, parseQueueFilter } from '../brokering/index.js';
import { schema } from '../db/index.js';
import { parseCsv } from '../imports/read/csv-parser.js';
import { seedSmallCity } from './fixtures.test-support.js';
import { buildImportTemplate, type ExportRequest, exportList } from './index.js';

async function readXlsx(body: Buffer): Promise<{ names: string[]; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { names: workbook.worksheets.map((sheet) => sheet.name), rows };
}

describeEachDatabase('exporting lists and reports', (kind) => {
  let database: TestDatabase;
  let now: Date;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ({ now } = await seedSmallCity(database.db));
  });
  afterAll(() => database.dispose());

  const csvRows = async (request: Omit<ExportRequest, 'format'>) => {
    const file = await exportList({ ...request, format: 'csv', now }, database.db);
    return parseCsv(file.body.toString('utf8').replace(/^\uFEFF/, '')).records;
  };

  it('writes CSV as UTF-8 with a byte-order mark and CRLF, so Excel opens the Chinese', async () => {
    const file = await exportList({ list: 'services', format: 'csv', now }, database.db);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toBe('xueqi-services-2025-01-31.csv');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.body.toString('utf8')).toContain('日期,企业名称,服务类型,工作人员,创新链专班,备注\r\n');
  });

  it('lists each demand with its best matches by score, leaving declined pairs out', async () => {
    const rows = await csvRows({ list: 'demands', topMatches: 2 });
    const header = rows[0]!;
    const matches = rows[1]![header.indexOf('最佳匹配')]!;
    expect(matches.split('\n')).toEqual([
      '1. 先进复合材料团队（团队，哈尔滨工业大学（威海）） 0.82',
      '2. 张伟（教师，哈尔滨工业大学（威海）） 0.75',
    ]);
    expect(rows[1]![header.indexOf('预算（万元）')]).toBe('50-200');
    expect(rows[2]![header.indexOf('预算（万元）')]).toBe('30-');
  });

  it('writes the brokering queue with the days each pair has waited', async () => {
    const rows = await csvRows({ list: 'queue', locale: 'en' });
    expect(rows[0]!.slice(0, 3)).toEqual(['Status', 'Days waiting', 'Enterprise']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[6], row[9]])).toEqual([
      ['Introduced', '10', '先进复合材料团队', '预浸料、固化'],
      ['Suggested', '2', '张伟', ''],
    ]);
  });

  it('exports the queue staff see: the same pairs, in the same order, as /staff/queue shows them', async () => {
    // A pair someone is interested in goes first on the page, whatever its score; a pair of a
    // closed demand is not brokered any more. The export used to order by last change and keep both.
    const [pair] = await database.db
      .select({ id: schema.matchCandidates.id })
      .from(schema.matchCandidates)
      .where(eq(schema.matchCandidates.status, 'suggested'));
    await database.db
      .update(schema.matchCandidates)
      .set({ profileInterested: true })
      .where(eq(schema.matchCandidates.id, pair!.id));
    try {
      const page = await listQueuePage(database.db, parseQueueFilter({}, null));
      const exported = (await csvRows({ list: 'queue', locale: 'en' })).slice(1);
      expect(page.entries.map((entry) => entry.profileName)).toEqual(['张伟', '先进复合材料团队']);
      expect(exported.map((row) => [row[3], row[6]])).toEqual(
        page.entries.map((entry) => [entry.demandTitle, entry.profileName]),
      );
    } finally {
      await database.db
        .update(schema.matchCandidates)
        .set({ profileInterested: false })
        .where(eq(schema.matchCandidates.id, pair!.id));
    }
  });

  it('exports collaborations with their stage, outcomes and next milestone', async () => {
    const { rows } = await readXlsx(
      (await exportList({ list: 'collaborations', format: 'xlsx', now }, database.db)).body,
    );
    expect(rows[1]).toEqual([
      '快速固化预浸料联合攻关',
      '威海光威复合材料股份有限公司',
      '碳纤维预浸料快速固化',
      '先进复合材料团队',
      '海洋生物活性物质团队',
      '共同组织科技攻关',
      '2024-05-01',
      120,
      2,
      0,
      300,
      '1/2',
      '中试（2025-06-01）',
      '',
    ]);
  });

  it('exports the headline figures', async () => {
    const rows = await csvRows({ list: 'stats' });
    const figure = (name: string) => rows.find((row) => row[1] === name)?.[2];
    expect(figure('高校教师')).toBe('2');
    expect(figure('首席科学家')).toBe('1');
    expect(figure('卡脖子技术')).toBe('1');
    expect(figure('共同组织科技攻关')).toBe('1');
  });

  it('builds an import template with the headers and a sheet saying what each column takes', async () => {
    const file = await buildImportTemplate('faculty');
    const { names, rows } = await readXlsx(file.body);
    expect(file.fileName).toBe('xueqi-template-faculty.xlsx');
    expect(names).toEqual(['教师名单', '填表说明']);
    expect(rows).toEqual([
      [
        '姓名',
        '所属高校',
        '所属团队',
        '职称',
        '是否博导',
        '首席科学家（创新链）',
        '研究方向',
        '个人简介',
        '邮箱',
        '电话',
      ],
    ]);
    const english = await readXlsx((await buildImportTemplate('demands', 'en')).body);
    expect(english.rows[0]).toContain('Budget (10k yuan)');
  });
});
