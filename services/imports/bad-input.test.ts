import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { schema } from '../db/index.js';
import { buildCsv, buildXlsx, seedReferences, TEAM_ROWS_ZH } from './fixtures.test-support.js';
import { type ImportInput, previewImport, runImport, wordProblem } from './index.js';

const DEMAND_HEADER = ['企业名称', '需求名称', '需求描述', '创新链', '技术类别'];

describeEachDatabase('bad input gives a clear report and writes nothing', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedReferences(database.db);
    await database.db
      .insert(schema.enterprises)
      .values({ name: '威海光威复合材料股份有限公司', industry: '碳纤维', size: 'large' });
  });
  afterAll(() => database.dispose());

  const preview = (input: ImportInput) => previewImport(input, database.db);
  const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

  it('an empty file', async () => {
    const report = await preview({ kind: 'faculty', fileName: 'roster.csv', content: Buffer.alloc(0) });
    expect(report.valid).toBe(false);
    expect(codes(report.errors)).toEqual(['file_empty']);
    expect(wordProblem(report.errors[0]!, 'zh-CN')).toBe('文件是空的');
  });

  it('an empty workbook', async () => {
    const content = await buildXlsx([{ name: 'Sheet1', rows: [] }]);
    const report = await preview({ kind: 'faculty', fileName: 'roster.xlsx', content });
    expect(codes(report.errors)).toEqual(['no_sheet_with_data']);
  });

  it('a file with only headers', async () => {
    const content = await buildXlsx([{ name: '团队', rows: [TEAM_ROWS_ZH[0]!] }]);
    const report = await preview({ kind: 'teams', fileName: 'teams.xlsx', content });
    expect(report.errors).toMatchObject([{ code: 'no_data_rows', sheet: '团队', row: 1 }]);
  });

  it('a sheet of another list: the required columns are named, and the list it looks like', async () => {
    const content = await buildXlsx([
      {
        name: '企业',
        rows: [
          ['企业名称', '所属行业', '企业规模'],
          ['某公司', '钓具', '小型'],
        ],
      },
    ]);
    const report = await preview({ kind: 'faculty', fileName: 'roster.xlsx', content });
    expect(codes(report.errors)).toEqual(['header_not_found', 'looks_like_other_list']);
    expect(wordProblem(report.errors[1]!, 'en')).toBe(
      'This sheet looks like the enterprises list, not the faculty roster',
    );
    expect(report.errors[1]!.params).toEqual({
      otherZh: '企业名单',
      otherEn: 'enterprises list',
      listZh: '教师名单',
      listEn: 'faculty roster',
    });
    expect(wordProblem(report.errors[1]!, 'zh-CN')).toBe('这个工作表看起来是企业名单，而不是教师名单');
  });

  it('a workbook whose list is on a later sheet picks the sheet named for the list', async () => {
    const content = await buildXlsx([
      { name: '填表说明', rows: [['请按模板填写']] },
      { name: '团队名单', rows: TEAM_ROWS_ZH },
    ]);
    const report = await preview({ kind: 'teams', fileName: 'teams.xlsx', content });
    expect(report.errors).toEqual([]);
    expect(report.sheet).toBe('团队名单');
    expect(report.counts.create).toBe(3);
  });

  it('a mislabeled sheet is still read, with a warning naming the sheet used', async () => {
    const content = await buildXlsx([
      { name: '说明', rows: [['说明文字']] },
      { name: '企业', rows: TEAM_ROWS_ZH },
    ]);
    const report = await preview({ kind: 'teams', fileName: 'teams.xlsx', content });
    expect(report.sheet).toBe('企业');
    expect(report.errors).toEqual([]);
    expect(report.warnings).toMatchObject([
      { code: 'sheet_not_named', params: { expected: '团队', used: '企业' } },
    ]);
    expect(wordProblem(report.warnings[0]!, 'zh-CN')).toBe('没有名为“团队”的工作表，已使用“企业”');
  });

  it('merged header cells: a title row above and a two-row header under a merged budget', async () => {
    const content = await buildXlsx([
      {
        name: '技术需求',
        rows: [
          ['威海市企业技术需求清单（2024）', null, null, null, null, null, null],
          [...DEMAND_HEADER, '预算（万元）', null],
          [null, null, null, null, null, '下限', '上限'],
          ['威海光威复合材料股份有限公司', '碳纤维缠绕', '高压气瓶', '碳纤维', '链条式', 30, 80],
        ],
        merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:G2'],
      },
    ]);
    const report = await preview({ kind: 'demands', fileName: 'demands.xlsx', content });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.rowsRead).toBe(1);
    const outcome = await runImport({ kind: 'demands', fileName: 'demands.xlsx', content }, database.db);
    expect(outcome.committed).toBe(true);
    const [demand] = await database.db.select().from(schema.demands);
    expect(demand).toMatchObject({ title: '碳纤维缠绕', demandClass: 'chain', budgetMin: 30, budgetMax: 80 });
  });

  it('duplicate rows inside one file', async () => {
    const content = buildCsv([TEAM_ROWS_ZH[0]!, TEAM_ROWS_ZH[1]!, TEAM_ROWS_ZH[2]!, TEAM_ROWS_ZH[1]!]);
    const report = await preview({ kind: 'teams', fileName: 'teams.csv', content });
    expect(report.errors).toMatchObject([{ code: 'duplicate_row', row: 4 }]);
    expect(wordProblem(report.errors[0]!, 'zh-CN')).toContain('与第 2 行是同一条记录');
  });

  it('a formula cell: its cached result is used, and one without a result is reported at its cell', async () => {
    const rows = [
      [...DEMAND_HEADER, '预期TRL'],
      [
        '威海光威复合材料股份有限公司',
        '公式需求一',
        '描述',
        '碳纤维',
        '体系化',
        { formula: '3+4', result: 7 },
      ],
      ['威海光威复合材料股份有限公司', '公式需求二', '描述', '碳纤维', '体系化', { formula: '3+3' }],
    ];
    const report = await preview({
      kind: 'demands',
      fileName: 'd.xlsx',
      content: await buildXlsx([{ name: '需求', rows }]),
    });
    expect(report.errors).toMatchObject([
      { code: 'formula_without_result', row: 3, column: { header: '预期TRL', letter: 'F' } },
    ]);
  });

  it('a date typed as text in the common Chinese forms, and one that is not a date', async () => {
    const rows = [
      [...DEMAND_HEADER, '截止日期'],
      ['威海光威复合材料股份有限公司', '日期一', '描述', '碳纤维', '颠覆性', '2024年3月1日'],
      ['威海光威复合材料股份有限公司', '日期二', '描述', '碳纤维', '颠覆性', '2024/3/1'],
      ['威海光威复合材料股份有限公司', '日期三', '描述', '碳纤维', '颠覆性', '2024-02-30'],
    ];
    const content = await buildXlsx([{ name: '需求', rows }]);
    const report = await preview({ kind: 'demands', fileName: 'd.xlsx', content });
    expect(report.errors).toMatchObject([{ code: 'invalid_date', row: 4, column: { letter: 'F' } }]);
    expect(wordProblem(report.errors[0]!, 'en')).toContain('"2024-02-30" is not a date');
  });

  it('a corrupt or truncated XLSX', async () => {
    const whole = await buildXlsx([{ name: '团队', rows: TEAM_ROWS_ZH }]);
    for (const content of [
      whole.subarray(0, Math.floor(whole.length / 2)),
      Buffer.from('PK\u0003\u0004 not a zip'),
    ]) {
      const report = await preview({ kind: 'teams', fileName: 'teams.xlsx', content });
      expect(codes(report.errors)).toEqual(['file_unreadable']);
    }
  });

  it('an old .xls workbook', async () => {
    const content = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const report = await preview({ kind: 'teams', fileName: 'teams.xls', content });
    expect(codes(report.errors)).toEqual(['file_legacy_xls']);
  });

  it('a CSV in an encoding that is neither UTF-8 nor GB18030', async () => {
    const utf16WithoutBom = Buffer.from('所属高校,团队名称\r\n', 'utf16le');
    const invalidBytes = Buffer.concat([Buffer.from('所属高校,'), Buffer.from([0xff, 0xfe, 0x80, 0xff])]);
    for (const content of [utf16WithoutBom, invalidBytes]) {
      const report = await preview({ kind: 'teams', fileName: 'teams.csv', content });
      expect(codes(report.errors)).toEqual(['encoding_unknown']);
    }
  });

  it('an unknown column is a warning and the rest imports', async () => {
    const rows = TEAM_ROWS_ZH.map((row, index) => [...row, index === 0 ? '备注' : '无']);
    const report = await preview({ kind: 'teams', fileName: 'teams.csv', content: buildCsv(rows) });
    expect(report.valid).toBe(true);
    expect(report.warnings).toMatchObject([
      { code: 'unknown_column', row: 1, column: { header: '备注', letter: 'F' } },
    ]);
  });

  it('a missing required column is reported before any row', async () => {
    const rows = TEAM_ROWS_ZH.map((row) => row.slice(0, 2));
    const report = await preview({ kind: 'teams', fileName: 'teams.csv', content: buildCsv(rows) });
    expect(report.errors).toMatchObject([
      { code: 'required_column_missing', params: { columnZh: '创新链', columnEn: 'Chain' } },
    ]);
    expect(wordProblem(report.errors[0]!, 'zh-CN')).toBe('缺少必填列“创新链”');
    expect(report.rowsRead).toBe(0);
  });

  it('rows with bad values each say what is wrong, in the chosen language', async () => {
    const rows = [
      [...DEMAND_HEADER, '预期TRL', '预算'],
      ['威海光威复合材料股份有限公司', '', '描述', '航天', '紧急', '12', '200-50'],
    ];
    const report = await preview({
      kind: 'demands',
      fileName: 'd.csv',
      content: buildCsv(rows),
    });
    expect(report.errors.map((problem) => [problem.code, problem.column?.letter])).toEqual([
      ['required_value_missing', 'B'],
      ['invalid_choice', 'D'],
      ['invalid_choice', 'E'],
      ['invalid_integer', 'F'],
      ['budget_order', 'G'],
    ]);
  });

  it('a cell with a control character is refused at its row and column, and nothing is written', async () => {
    const rows = [TEAM_ROWS_ZH[0]!, [...TEAM_ROWS_ZH[1]!], [...TEAM_ROWS_ZH[2]!]];
    rows[1]![4] = '复合材料\u0007成型';
    rows[2]![3] = '船舶焊接\u001b[31m';
    const before = await database.db.select().from(schema.teams);
    const outcome = await runImport(
      {
        kind: 'teams',
        fileName: 'teams.csv',
        content: buildCsv(rows),
      },
      database.db,
    );
    expect(outcome.committed).toBe(false);
    expect(
      outcome.report.errors.map((problem) => [problem.code, problem.row, problem.column?.letter]),
    ).toEqual([
      ['cell_control_character', 2, 'E'],
      ['cell_control_character', 3, 'D'],
    ]);
    expect(wordProblem(outcome.report.errors[0]!, 'en')).toContain('control character');
    expect(await database.db.select().from(schema.teams)).toEqual(before);
  });
});
