import { previewImport } from '../../services/imports/index.js';
import {
  deepXml,
  hugeSharedStrings,
  inflationBomb,
  millionRows,
} from '../../services/imports/read/crafted-workbooks.test-support.js';
import { createTestDatabase } from '../support/databases.js';

/**
 * Resident memory while the portal refuses hostile workbooks, one at a time and four at once:
 * `npx tsx test/load/crafted-uploads.ts`. Prints each file's size, the problem code, seconds and
 * the process's peak RSS (PGlite in-process included).
 */
const database = await createTestDatabase('pglite');
const files = {
  'inflation bomb, 1 GB declared': await inflationBomb('honest'),
  'inflation bomb, 1 KB declared, 1 GB inflated': await inflationBomb('lying'),
  '1,500,000 shared strings': await hugeSharedStrings(),
  '1,000,000 rows': await millionRows(),
  'XML nested 50,000 deep': await deepXml(),
};
global.gc?.();
const check = (content: Buffer) =>
  previewImport({ kind: 'faculty', fileName: 'roster.xlsx', content }, database.db);

async function measured<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const startedAt = performance.now();
  const result = await work();
  clearInterval(sampler);
  return {
    result,
    seconds: (performance.now() - startedAt) / 1000,
    peakMegabytes: Math.round(peak / 1024 / 1024),
  };
}

const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(2);
process.stdout.write(`baseline RSS ${mb(process.memoryUsage().rss)} MB\n`);
for (const [name, content] of Object.entries(files)) {
  const { result, seconds, peakMegabytes } = await measured(() => check(content));
  process.stdout.write(
    `${name.padEnd(46)} ${String(mb(content.length)).padStart(6)} MB  ${result.errors[0]?.code.padEnd(24)} ${seconds.toFixed(2)} s  peak RSS ${peakMegabytes} MB\n`,
  );
}
const all = Object.values(files).slice(1, 5);
const { result, seconds, peakMegabytes } = await measured(() => Promise.all(all.map(check)));
process.stdout.write(
  `four at once: ${result.map((report) => report.errors[0]?.code).join(', ')}  ${seconds.toFixed(2)} s  peak RSS ${peakMegabytes} MB\n`,
);
await database.dispose();
