import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import { enumLabel } from '../i18n/index.js';
import { CHAIN_CODES } from '../shared/enums.js';

/** The chains and two of the city's universities: what every import refers to. */
export async function seedReferences(db: Database): Promise<void> {
  await db.insert(schema.chains).values(
    CHAIN_CODES.map((code, index) => ({
      code,
      nameZh: enumLabel('zh-CN', 'chain', code),
      nameEn: enumLabel('en', 'chain', code),
      sortOrder: index + 1,
    })),
  );
  await db.insert(schema.universities).values([
    { code: 'hitwh', nameZh: '哈尔滨工业大学（威海）', nameEn: 'Harbin Institute of Technology, Weihai' },
    { code: 'sduwh', nameZh: '山东大学（威海）', nameEn: 'Shandong University, Weihai' },
  ]);
}

export interface SheetFixture {
  name: string;
  rows: ExcelJS.CellValue[][];
  /** Ranges such as "A1:F1". */
  merges?: string[];
}

export async function buildXlsx(sheets: SheetFixture[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const fixture of sheets) {
    const sheet = workbook.addWorksheet(fixture.name);
    for (const row of fixture.rows) sheet.addRow(row);
    for (const range of fixture.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function buildCsv(rows: string[][], encoding: CsvEncoding = 'utf-8'): Buffer {
  const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
  const text = `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const bytes = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

export const TEAM_ROWS_ZH = [
  ['所属高校', '团队名称', '创新链', '研究方向', '团队简介'],
  ['哈尔滨工业大学（威海）', '先进复合材料团队', '碳纤维复合材料', '碳纤维；树脂固化', '复合材料成型'],
  ['哈尔滨工业大学（威海）', '海洋装备团队', '船舶与海工装备', '船舶焊接、海工结构', ''],
  ['山东大学（威海）', '海洋生物活性物质团队', '海洋生物', '海藻多糖', '海洋药物'],
];

export const FACULTY_ROWS_EN = [
  [
    'Name',
    'University',
    'Team',
    'Title',
    'Doctoral supervisor',
    'Chief scientist (chain)',
    'Research directions',
  ],
  [
    '张伟',
    'Harbin Institute of Technology, Weihai',
    '先进复合材料团队',
    'Professor',
    'yes',
    'carbon fibre',
    '预浸料; 热压罐固化',
  ],
  ['李娜', '哈尔滨工业大学(威海)', '先进复合材料团队', '副教授', '否', '', '无损检测'],
  ['王强', 'sduwh', '', 'lecturer', '', '', '海藻多糖提取'],
];
