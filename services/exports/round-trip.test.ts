import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { seedReferences } from '../imports/fixtures.test-support.js';
import { type ImportKind, type Locale, runImport } from '../imports/index.js';
import { seedSmallCity } from './fixtures.test-support.js';
import { type ExportFormat, exportList } from './index.js';

/** In the order a fresh city is loaded; teams twice, since a leader can be linked only once the roster is in. */
const LOAD_ORDER: ImportKind[] = ['teams', 'faculty', 'teams', 'enterprises', 'demands', 'results'];
const KINDS: ImportKind[] = ['faculty', 'teams', 'enterprises', 'demands', 'results'];
const VARIANTS: [ExportFormat, Locale][] = [
  ['xlsx', 'zh-CN'],
  ['csv', 'zh-CN'],
  ['xlsx', 'en'],
  ['csv', 'en'],
];

describeEachDatabase('export then import again', (kind) => {
  let source: TestDatabase;
  let copy: TestDatabase;
  beforeAll(async () => {
    [source, copy] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
    await seedSmallCity(source.db);
    await seedReferences(copy.db);
  });
  afterAll(async () => {
    await Promise.all([source.dispose(), copy.dispose()]);
  });

  it.each(VARIANTS)('changes nothing when each list comes back as %s in %s', async (format, locale) => {
    for (const list of KINDS) {
      const file = await exportList({ list, format, locale }, source.db);
      const outcome = await runImport({ kind: list, fileName: file.fileName, content: file.body }, source.db);
      expect({ list, errors: outcome.report.errors, warnings: outcome.report.warnings }).toEqual({
        list,
        errors: [],
        warnings: [],
      });
      expect({ list, counts: outcome.report.counts }).toMatchObject({
        list,
        counts: { create: 0, update: 0 },
      });
      expect(outcome.report.counts.unchanged).toBeGreaterThan(0);
    }
  });

  it('builds the same records in an empty database from the exported files', async () => {
    for (const list of LOAD_ORDER) {
      const file = await exportList({ list, format: 'xlsx' }, source.db);
      const outcome = await runImport({ kind: list, fileName: file.fileName, content: file.body }, copy.db);
      expect(outcome.report.errors).toEqual([]);
      expect(outcome.committed).toBe(true);
    }
    for (const list of KINDS) {
      // The demands list carries the best matches, which are the matcher's work, not the file's.
      if (list === 'demands') continue;
      const [original, rebuilt] = await Promise.all([
        exportList({ list, format: 'csv' }, source.db),
        exportList({ list, format: 'csv' }, copy.db),
      ]);
      expect({ list, csv: rebuilt.body.toString('utf8') }).toEqual({
        list,
        csv: original.body.toString('utf8'),
      });
    }
  });
});
