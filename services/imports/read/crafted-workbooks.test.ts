import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { buildXlsx } from '../fixtures.test-support.js';
import { previewImport, wordProblem } from '../index.js';
import { deepXml, hugeSharedStrings, inflationBomb, millionRows } from './crafted-workbooks.test-support.js';
import { READ_HERE_UP_TO_BYTES } from './read-source.js';

/** What the issue allows a process to reach while refusing hostile workbooks. */
const RSS_BUDGET_BYTES = 800 * 1024 * 1024;

/** Samples resident memory every 20 ms while `work` runs; resolves with the peak. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(sampler);
  }
}

describe('crafted workbooks are refused before they are inflated, each naming its limit', () => {
  let database: TestDatabase;
  const files: Record<string, Buffer> = {};
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    files.honestBomb = await inflationBomb('honest');
    files.lyingBomb = await inflationBomb('lying');
    files.sharedStrings = await hugeSharedStrings();
    files.millionRows = await millionRows();
    files.deep = await deepXml();
  }, 120_000);
  afterAll(() => database.dispose());

  const check = (content: Buffer) =>
    previewImport({ kind: 'faculty', fileName: 'roster.xlsx', content }, database.db);

  const cases = [
    ['an inflation bomb that declares its gigabyte', 'honestBomb', 'limit_uncompressedBytes', '100 MB'],
    [
      'an inflation bomb that declares 1 KB and inflates to a gigabyte',
      'lyingBomb',
      'limit_uncompressedBytes',
      '100 MB',
    ],
    ['a shared-string table of 1,500,000 entries', 'sharedStrings', 'limit_sharedStrings', '1,000,000'],
    ['a sheet of 1,000,000 rows', 'millionRows', 'limit_rowsPerSheet', '200,000'],
    ['XML nested 50,000 deep', 'deep', 'limit_xmlDepth', '100'],
  ] as const;

  for (const [name, file, code, limitText] of cases) {
    it(`${name}: refused with the limit named, memory within budget`, async () => {
      const { result: report, peak } = await peakRss(() => check(files[file]!));
      expect(report.valid).toBe(false);
      expect(report.errors.map((problem) => problem.code)).toEqual([code]);
      expect(wordProblem(report.errors[0]!, 'en')).toContain(limitText);
      expect(peak).toBeLessThan(RSS_BUDGET_BYTES);
    });
  }

  it('four at once do not crash the process, and each is refused', async () => {
    const { result: reports, peak } = await peakRss(() =>
      Promise.all([files.lyingBomb!, files.sharedStrings!, files.millionRows!, files.honestBomb!].map(check)),
    );
    expect(reports.map((report) => report.errors[0]?.code)).toEqual([
      'limit_uncompressedBytes',
      'limit_sharedStrings',
      'limit_rowsPerSheet',
      'limit_uncompressedBytes',
    ]);
    expect(peak).toBeLessThan(RSS_BUDGET_BYTES);
  });

  it('more imports than the process runs and queues are told to try again', async () => {
    const reports = await Promise.all(Array.from({ length: 8 }, () => check(files.millionRows!)));
    const codes = reports.map((report) => report.errors[0]?.code);
    expect(codes.filter((code) => code === 'limit_rowsPerSheet')).toHaveLength(6);
    expect(codes.filter((code) => code === 'import_busy')).toHaveLength(2);
    expect(
      wordProblem(reports.find((report) => report.errors[0]?.code === 'import_busy')!.errors[0]!, 'en'),
    ).toContain('try again');
  });

  it('a big workbook within the limits is read in a worker thread, every row', async () => {
    const rows = [['姓名', '所属高校', '职称']];
    for (let index = 0; index < 40_000; index++) rows.push([`教师${index}`, '不存在的大学', '教授']);
    const content = await buildXlsx([{ name: '教师', rows }]);
    expect(content.length).toBeGreaterThan(READ_HERE_UP_TO_BYTES);
    const report = await check(content);
    expect(report.rowsRead).toBe(40_000);
    expect(report.errors[0]!.code).toBe('unknown_university');
  });
});
