import { asc, count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { findAuditTrail } from '../audit/index.js';
import { schema } from '../db/index.js';
import {
  buildCsv,
  buildXlsx,
  FACULTY_ROWS_EN,
  seedReferences,
  TEAM_ROWS_ZH,
} from './fixtures.test-support.js';
import { previewImport, runImport, wordProblem } from './index.js';

describeEachDatabase('importing the bureau lists', (kind) => {
  let database: TestDatabase;
  const auditCount = async () =>
    Number((await database.db.select({ n: count() }).from(schema.auditLog))[0]!.n);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedReferences(database.db);
  });
  afterAll(() => database.dispose());

  describe('teams then faculty', () => {
    it('previews a teams workbook with Chinese headers without writing anything', async () => {
      const content = await buildXlsx([{ name: '团队', rows: TEAM_ROWS_ZH }]);
      const report = await previewImport({ kind: 'teams', fileName: 'teams.xlsx', content }, database.db);
      expect(report.errors).toEqual([]);
      expect(report.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
      expect(await database.db.select().from(schema.teams)).toHaveLength(0);
    });

    it('imports the teams and audits each one', async () => {
      const content = await buildXlsx([{ name: '团队', rows: TEAM_ROWS_ZH }]);
      const outcome = await runImport({ kind: 'teams', fileName: 'teams.xlsx', content }, database.db);
      expect(outcome.committed).toBe(true);
      const teams = await database.db.select().from(schema.teams).orderBy(asc(schema.teams.id));
      expect(teams.map((team) => [team.nameZh, team.chainCode])).toEqual([
        ['先进复合材料团队', 'carbon_fiber'],
        ['海洋装备团队', 'marine_equipment'],
        ['海洋生物活性物质团队', 'marine_bio'],
      ]);
      expect(teams[1]!.researchDirections).toEqual(['船舶焊接', '海工结构']);
      const trail = await findAuditTrail(database.db, 'team', [teams[0]!.id]);
      expect(trail).toMatchObject([{ action: 'import.create', after: { nameZh: '先进复合材料团队' } }]);
    });

    it('imports a faculty CSV with English headers, university names in any of their forms', async () => {
      const content = buildCsv(FACULTY_ROWS_EN, 'utf-8-bom');
      const outcome = await runImport({ kind: 'faculty', fileName: 'roster.csv', content }, database.db);
      expect(outcome.report.errors).toEqual([]);
      expect(outcome.report.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
      const faculty = await database.db.select().from(schema.faculty).orderBy(asc(schema.faculty.id));
      expect(faculty.map((member) => [member.name, member.title, member.isDoctoralSupervisor])).toEqual([
        ['张伟', 'professor', true],
        ['李娜', 'associate_professor', false],
        ['王强', 'lecturer', false],
      ]);
      expect(faculty[0]!.chiefScientistChain).toBe('carbon_fiber');
      expect(faculty[0]!.researchDirections).toEqual(['预浸料', '热压罐固化']);
      expect(faculty[2]!.teamId).toBeNull();
    });

    it('changes nothing and writes no audit entry when the same file comes again', async () => {
      const before = await auditCount();
      const content = buildCsv(FACULTY_ROWS_EN, 'utf-8-bom');
      const outcome = await runImport({ kind: 'faculty', fileName: 'roster.csv', content }, database.db);
      expect(outcome.report.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
      expect(await auditCount()).toBe(before);
    });

    it('updates a changed row and records the fields before and after', async () => {
      const rows = FACULTY_ROWS_EN.map((row) => [...row]);
      rows[2]![3] = '教授';
      const content = buildCsv(rows, 'gb18030');
      const outcome = await runImport({ kind: 'faculty', fileName: 'roster.csv', content }, database.db);
      expect(outcome.report.counts).toEqual({ create: 0, update: 1, unchanged: 2 });
      expect(outcome.report.changes).toEqual([
        {
          action: 'update',
          row: 3,
          label: '哈尔滨工业大学（威海） / 先进复合材料团队 / 李娜',
          changes: { title: { before: 'associate_professor', after: 'professor' } },
        },
      ]);
      const [member] = (await database.db.select().from(schema.faculty)).filter((row) => row.name === '李娜');
      expect(member!.title).toBe('professor');
      const trail = await findAuditTrail(database.db, 'faculty', [member!.id]);
      expect(trail.at(-1)).toMatchObject({
        action: 'import.update',
        before: { title: 'associate_professor' },
        after: { title: 'professor' },
      });
    });

    it('writes nothing when one row is invalid, and says where', async () => {
      const rows = [...FACULTY_ROWS_EN, ['赵敏', '威海职业学院', '', 'Professor', '', '', '']];
      const content = buildCsv(rows);
      const before = await database.db.select().from(schema.faculty);
      const outcome = await runImport({ kind: 'faculty', fileName: 'roster.csv', content }, database.db);
      expect(outcome.committed).toBe(false);
      expect(outcome.report.errors).toEqual([
        {
          severity: 'error',
          sheet: 'roster',
          row: 5,
          column: { header: 'University', letter: 'B' },
          code: 'unknown_university',
          params: { value: '威海职业学院' },
        },
      ]);
      expect(wordProblem(outcome.report.errors[0]!, 'zh-CN')).toBe('系统中没有高校“威海职业学院”');
      expect(await database.db.select().from(schema.faculty)).toEqual(before);
    });
  });

  describe('enterprises, demands and results', () => {
    it('imports a GB18030 enterprises CSV with its chains', async () => {
      const content = buildCsv(
        [
          ['企业名称', '所属行业', '企业规模', '所属创新链', '联系人'],
          ['威海光威复合材料股份有限公司', '碳纤维', '大型', '碳纤维复合材料；船舶与海工装备', '刘工'],
          ['威海某医疗器械有限公司', '医疗器械', '中型企业', '医药医疗器械', ''],
        ],
        'gb18030',
      );
      const outcome = await runImport({ kind: 'enterprises', fileName: '企业.csv', content }, database.db);
      expect(outcome.report.errors).toEqual([]);
      expect(outcome.committed).toBe(true);
      const links = await database.db.select().from(schema.enterpriseChains);
      expect(links.map((link) => link.chainCode).sort()).toEqual([
        'carbon_fiber',
        'marine_equipment',
        'medical',
      ]);
    });

    it('updates an enterprise whose chains and size changed, rows changing different fields together', async () => {
      const content = buildCsv([
        ['企业名称', '所属行业', '企业规模', '所属创新链', '联系人'],
        ['威海光威复合材料股份有限公司', '碳纤维', '大型', '碳纤维复合材料', '刘工'],
        ['威海某医疗器械有限公司', '医疗器械', '小型', '医药医疗器械', '陈工'],
      ]);
      const outcome = await runImport({ kind: 'enterprises', fileName: '企业.csv', content }, database.db);
      expect(outcome.report.counts).toEqual({ create: 0, update: 2, unchanged: 0 });
      const enterprises = await database.db
        .select()
        .from(schema.enterprises)
        .orderBy(asc(schema.enterprises.id));
      expect(enterprises.map((enterprise) => [enterprise.size, enterprise.contactName])).toEqual([
        ['large', '刘工'],
        ['small', '陈工'],
      ]);
      const links = await database.db.select().from(schema.enterpriseChains);
      expect(links.map((link) => link.chainCode).sort()).toEqual(['carbon_fiber', 'medical']);
    });

    it('refuses an enterprise whose email and phone are not ones, as the company page does, writing nothing', async () => {
      const content = buildCsv([
        ['企业名称', '所属行业', '企业规模', '联系电话', '邮箱'],
        ['威海某海洋生物有限公司', '海洋生物', '小型', 'abc', 'not-an-email'],
        ['威海某钓具有限公司', '钓具', '微型', '0631-5687123 转 8001', 'sales@diaoju.example.cn'],
      ]);
      const before = await database.db.select({ rows: count() }).from(schema.enterprises);
      const outcome = await runImport({ kind: 'enterprises', fileName: '企业.csv', content }, database.db);
      expect(outcome.committed).toBe(false);
      expect(
        outcome.report.errors.map((problem) => [problem.code, problem.row, problem.column?.letter]),
      ).toEqual([
        ['invalid_phone', 2, 'D'],
        ['invalid_email', 2, 'E'],
      ]);
      expect(outcome.report.errors[1]).toEqual({
        severity: 'error',
        sheet: outcome.report.errors[1]!.sheet,
        row: 2,
        column: { header: '邮箱', letter: 'E' },
        code: 'invalid_email',
        params: { column: '邮箱', value: 'not-an-email' },
      });
      expect(wordProblem(outcome.report.errors[1]!, 'en')).toBe(
        '"not-an-email" is not a valid email address',
      );
      expect(wordProblem(outcome.report.errors[1]!, 'zh-CN')).toBe('“not-an-email”不是有效的邮箱地址');
      expect(await database.db.select({ rows: count() }).from(schema.enterprises)).toEqual(before);
    });

    it('imports demands with class labels, a budget range and a date typed as text', async () => {
      const content = await buildXlsx([
        {
          name: '技术需求',
          rows: [
            [
              '企业名称',
              '需求名称',
              '需求描述',
              '产业链',
              '技术类别',
              '预期TRL',
              '经费(万元)',
              '截止日期',
              '是否公开',
            ],
            [
              '威海光威复合材料股份有限公司',
              '碳纤维预浸料快速固化',
              '缩短固化周期',
              '碳纤维',
              '卡脖子',
              6,
              '50-200',
              '2025年3月1日',
              '保密',
            ],
            [
              '威海某医疗器械有限公司',
              '可降解血管支架',
              '材料与工艺',
              '医药医疗器械',
              'disruptive',
              '',
              '100',
              '2025/6/30',
              '公开',
            ],
          ],
        },
      ]);
      const outcome = await runImport({ kind: 'demands', fileName: 'demands.xlsx', content }, database.db);
      expect(outcome.report.errors).toEqual([]);
      const demands = await database.db.select().from(schema.demands).orderBy(asc(schema.demands.id));
      expect(demands[0]).toMatchObject({
        demandClass: 'chokepoint',
        expectedTrl: 6,
        budgetMin: 50,
        budgetMax: 200,
        deadline: '2025-03-01',
        visibility: 'confidential',
        status: 'published',
      });
      expect(demands[1]).toMatchObject({
        demandClass: 'disruptive',
        budgetMin: 100,
        budgetMax: 100,
        deadline: '2025-06-30',
      });
    });

    it('imports results owned by a team or by one faculty member', async () => {
      const content = buildCsv([
        ['所属高校', '所属团队', '完成教师', '成果名称', '技术成熟度', '知识产权状态'],
        ['哈尔滨工业大学（威海）', '先进复合材料团队', '', '低成本碳纤维预浸料', '5', '已授权专利'],
        ['哈尔滨工业大学（威海）', '', '张伟', '热压罐固化监测系统', '', '软著'],
      ]);
      const outcome = await runImport({ kind: 'results', fileName: 'results.csv', content }, database.db);
      expect(outcome.report.errors).toEqual([]);
      const results = await database.db.select().from(schema.results).orderBy(asc(schema.results.id));
      expect(results[0]).toMatchObject({ ownerFacultyId: null, trl: 5, ipStatus: 'patent_granted' });
      expect(results[1]).toMatchObject({ ownerTeamId: null, ipStatus: 'software_copyright' });
      expect(results[1]!.ownerFacultyId).not.toBeNull();
    });

    it('refuses a demand of an enterprise nobody imported', async () => {
      const content = buildCsv([
        ['enterprise', 'title', 'description', 'chain', 'class'],
        ['Unknown Ltd', 'Sonar arrays', 'x', 'ships', 'chain'],
      ]);
      const report = await previewImport({ kind: 'demands', fileName: 'd.csv', content }, database.db);
      expect(report.errors.map((problem) => [problem.code, problem.column?.letter])).toEqual([
        ['unknown_enterprise', 'A'],
      ]);
      expect(report.errors[0]!.params).toEqual({ value: 'Unknown Ltd' });
      expect(wordProblem(report.errors[0]!, 'en')).toBe(
        'No enterprise "Unknown Ltd" is known; import the enterprises list first',
      );
    });
  });
});
