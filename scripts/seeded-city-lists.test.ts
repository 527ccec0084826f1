/** Lives in scripts/ because it needs seeds/, and services never import seeds (imports flow scripts → seeds → services). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateCity, seedCity } from '../seeds/index.js';
import { exportList } from '../services/exports/index.js';
import { type ImportKind, runImport } from '../services/imports/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../test/support/databases.js';

const KINDS: ImportKind[] = ['faculty', 'teams', 'enterprises', 'demands', 'results'];

describeEachDatabase("the demo city's lists", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedCity(database.db, generateCity());
  });
  afterAll(() => database.dispose());

  it.each(KINDS)('exports the %s list and imports it again with no change', async (list) => {
    const file = await exportList({ list, format: 'xlsx' }, database.db);
    const outcome = await runImport({ kind: list, fileName: file.fileName, content: file.body }, database.db);
    expect(outcome.report.errors.slice(0, 5)).toEqual([]);
    expect(outcome.report.warnings.slice(0, 5)).toEqual([]);
    expect(outcome.report.changes.slice(0, 5)).toEqual([]);
    expect(outcome.report.rowsRead).toBeGreaterThan(0);
    expect(outcome.report.counts.unchanged).toBe(outcome.report.rowsRead);
  });

  it.each(['queue', 'collaborations', 'services', 'stats'] as const)(
    'exports the %s of the city',
    async (list) => {
      const csv = await exportList({ list, format: 'csv' }, database.db);
      const lines = csv.body.toString('utf8').split('\r\n');
      expect(lines.length).toBeGreaterThan(2);
      if (list === 'stats') expect(lines).toContain('高校与人才,高校教师,1319');
      const xlsx = await exportList({ list, format: 'xlsx', locale: 'en' }, database.db);
      expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    },
  );
});
