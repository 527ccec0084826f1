/**
 * Speed of the matcher: index build time, memory and top-10 latency on generated bilingual
 * corpora (about 150 words a profile), beside natural's TfIdf on the sizes it can handle.
 *
 *   npm run bench:matcher                              sizes 1k,1472,10k,100k,1m
 *   npm run bench:matcher -- --sizes 1k,10k --queries 200 --workers 2
 *   node --max-old-space-size=4096 --import tsx scripts/bench-matcher.ts --sizes 1m
 *
 * Corpora are written once to data/bench/ (generation is not timed); the build streams that
 * JSONL through worker threads that analyse, while the main thread indexes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DEFAULT_METHOD,
  DocumentAnalyzer,
  isMethodName,
  MatchIndex,
  type MethodName,
} from '../matcher/index.js';
import { AnalysisPool, defaultWorkerCount } from './matcher/analysis-pool.js';
import { createCorpusGenerator } from './matcher/bench-corpus.js';
import { writeCorpus } from './matcher/bench-corpus-file.js';
import { naturalQueryTimes } from './matcher/bench-natural.js';
import { forEachEncodedBatch } from './matcher/read-batches.js';
import { ProgressBar } from './progress-bar.js';

/** natural's TfIdf scores every document for every query term; beyond this it takes too long. */
const NATURAL_MAX_SIZE = 10_000;

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`bad size ${text}: use e.g. 1k, 1472, 10k, 1m`);
  const unit = match[2]!.toLowerCase();
  return Math.round(Number(match[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1));
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`;
}

async function build(
  path: string,
  size: number,
  workers: number,
): Promise<{ index: MatchIndex; seconds: number }> {
  const index = new MatchIndex();
  const loader = index.loader();
  const pool = new AnalysisPool(workers, { baseline: false });
  const bar = new ProgressBar(`  indexing ${size.toLocaleString('en')}`, size);
  const started = performance.now();
  let loading = 0;
  await forEachEncodedBatch(path, pool, ({ batch }) => {
    const batchStarted = performance.now();
    loader.load(batch);
    loading += performance.now() - batchStarted;
    bar.update(index.size);
  });
  const preparing = performance.now();
  await index.prepareShared(DEFAULT_METHOD, pool.postingsHelpers);
  const prepared = performance.now();
  const seconds = (prepared - started) / 1000;
  bar.finish(index.size);
  await pool.close();
  console.log(
    `  ${size.toLocaleString('en')}: ${seconds.toFixed(1)} s wall, of which ${(loading / 1000).toFixed(1)} s loading batches and ${((prepared - preparing) / 1000).toFixed(1)} s preparing on the main thread (the rest: analysis in workers, startup)`,
  );
  return { index, seconds };
}

function queryTimes(
  index: MatchIndex,
  queries: string[],
  method: MethodName,
): { times: number[]; first: number } {
  const firstStarted = performance.now();
  index.topK(queries[0]!, { kind: 'faculty', k: 10, method });
  const first = performance.now() - firstStarted;
  for (const query of queries.slice(0, 10)) index.topK(query, { kind: 'faculty', k: 10, method });
  const times = queries.map((query) => {
    const started = performance.now();
    index.topK(query, { kind: 'faculty', k: 10, method });
    return performance.now() - started;
  });
  return { times: times.sort((left, right) => left - right), first };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1k,1472,10k,100k,1m' },
      queries: { type: 'string', default: '200' },
      workers: { type: 'string' },
      methods: { type: 'string', default: 'tfidf,bm25' },
    },
  });
  const sizes = values.sizes.split(',').map(parseSize);
  const queryCount = Number(values.queries);
  const workers = values.workers ? Number(values.workers) : defaultWorkerCount();
  const methods = values.methods.split(',').filter(isMethodName);
  const generator = createCorpusGenerator();
  const queries = Array.from({ length: queryCount }, (_, position) => generator.demand(position).text);
  mkdirSync('data/bench', { recursive: true });
  console.log(
    `node ${process.version}, ${workers} analysis workers, ${queryCount} queries of ~25 words, top 10`,
  );
  const rows: string[] = [];
  for (const size of sizes) {
    const path = `data/bench/profiles-${size}.jsonl`;
    if (!existsSync(path)) {
      const seconds = await writeCorpus(path, size, generator);
      console.log(`  generated ${path} in ${seconds.toFixed(1)} s (not timed below)`);
    }
    globalThis.gc?.();
    const { index, seconds } = await build(path, size, workers);
    globalThis.gc?.();
    // Absolute, not differences: with --expose-gc the previous size's index is gone by now.
    const after = process.memoryUsage();
    const heap = after.heapUsed;
    const buffers = after.arrayBuffers;
    // Resident memory includes the analysis workers' heaps while they live; they are closed by now.
    const resident = after.rss;
    const queryAnalysis = new DocumentAnalyzer();
    for (const method of methods) {
      const { times, first } = queryTimes(index, queries, method);
      let natural = '';
      if (size <= NATURAL_MAX_SIZE) {
        const naturalTimes = await naturalQueryTimes(
          path,
          queries.slice(0, size >= 10_000 ? 20 : 50),
          (text) => [...queryAnalysis.analyze(text).keys()],
        );
        const ratio = percentile(naturalTimes, 0.5) / percentile(times, 0.5);
        natural = ` | ${percentile(naturalTimes, 0.5).toFixed(1)} ms | ${Math.round(ratio)}×`;
      } else {
        natural = ' | – | –';
      }
      rows.push(
        `| ${size.toLocaleString('en')} | ${method} | ${seconds.toFixed(1)} s | ${megabytes(heap)} + ${megabytes(buffers)} typed, ${megabytes(resident)} RSS | ${first.toFixed(1)} ms | ${percentile(times, 0.5).toFixed(2)} ms | ${percentile(times, 0.99).toFixed(2)} ms${natural} |`,
      );
      console.log(rows.at(-1));
    }
  }
  console.log(
    '\n| profiles | method | build | V8 heap + typed arrays, resident | first query | p50 | p99 | natural TfIdf p50 | speed-up |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

main().catch((error: Error) => {
  console.error(`bench:matcher: ${error.message}`);
  process.exit(1);
});
