/**
 * Batch matching for offline evaluation and for staff who match whole lists.
 *
 *   npm run match -- --profiles P.jsonl --demands D.jsonl --out S.jsonl [--top K] [--method M] [--workers N]
 *
 * Input lines: {"id": string, "text": string, "works"?: [{"title": string, "text": string, "year"?: number}]}
 * (optional "title" and "keywords" are used too). Output lines:
 *   {"profile": id, "demand": id, "score": number, "terms": [[term, share], …]}
 * With --top, the best K profiles per demand, best first; without it, every pair, profiles in
 * input order. Everything is validated before anything is written, and the output appears only
 * when complete (written to a temporary file, then renamed). Exit 0 on success, 1 on bad input
 * or arguments (one line on stderr), 2 on an unexpected failure.
 */

import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DEFAULT_METHOD,
  isMethodName,
  type MatchDocument,
  MatchIndex,
  METHOD_NAMES,
  type MethodName,
  prepareAnalysis,
} from '../matcher/index.js';
import {
  AnalysisPool,
  type ChunkAnalyzer,
  defaultWorkerCount,
  MainThreadAnalyzer,
} from './matcher/analysis-pool.js';
import { chunkLines, parseDocumentLine } from './matcher/document-lines.js';
import { outputLine } from './matcher/rank-demands.js';
import { RankingPool } from './matcher/rank-pool.js';
import { forEachEncodedBatch, readLineChunks } from './matcher/read-batches.js';
import { ProgressBar } from './progress-bar.js';

/** Profile files smaller than this are analysed on the main thread: workers take seconds to start. */
const WORKER_THRESHOLD_BYTES = 8 * 2 ** 20;
/**
 * Above this size of profile file demands are ranked on the main thread only: each ranking
 * thread holds a copy of the index (~3 bytes of typed arrays per byte of JSONL), and a million
 * profiles' index is 3 GB already.
 */
const RANKING_COPY_MAX_BYTES = 256 * 2 ** 20;

class InputError extends Error {}

interface Options {
  profiles: string;
  demands: string;
  out: string;
  top: number | undefined;
  method: MethodName;
  workers: number | undefined;
}

function readOptions(): Options {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        profiles: { type: 'string' },
        demands: { type: 'string' },
        out: { type: 'string' },
        top: { type: 'string' },
        method: { type: 'string' },
        workers: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  for (const name of ['profiles', 'demands', 'out'] as const) {
    if (!values[name])
      throw new InputError(
        `--${name} is required (usage: --profiles P.jsonl --demands D.jsonl --out S.jsonl)`,
      );
  }
  for (const name of ['profiles', 'demands'] as const) {
    if (!existsSync(values[name]!)) throw new InputError(`${values[name]}: no such file`);
  }
  const top = values.top === undefined ? undefined : Number(values.top);
  if (top !== undefined && !(Number.isInteger(top) && top > 0))
    throw new InputError('--top must be a positive integer');
  const method = values.method ?? DEFAULT_METHOD;
  if (!isMethodName(method)) throw new InputError(`--method must be one of ${METHOD_NAMES.join(', ')}`);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    throw new InputError('--workers must be a whole number');
  }
  return { profiles: values.profiles!, demands: values.demands!, out: values.out!, top, method, workers };
}

async function readDemands(path: string): Promise<MatchDocument[]> {
  const demands: MatchDocument[] = [];
  const seen = new Set<string>();
  for await (const chunk of readLineChunks(path)) {
    for (const [index, line] of chunkLines(chunk).entries()) {
      const lineNumber = chunk.firstLine + index;
      const parsed = parseDocumentLine(line, lineNumber, path);
      if (typeof parsed === 'string') throw new InputError(parsed);
      if (!parsed) continue;
      if (seen.has(parsed.id)) throw new InputError(`${path}:${lineNumber}: duplicate id ${parsed.id}`);
      seen.add(parsed.id);
      demands.push({ ...parsed, kind: 'demand' });
    }
  }
  return demands;
}

/** Threads that analyse the profiles (0: the main thread does), from --workers or the file's size. */
function analysisWorkers(options: Options): number {
  const size = statSync(options.profiles).size;
  return options.workers ?? (size >= WORKER_THRESHOLD_BYTES ? defaultWorkerCount() : 0);
}

/**
 * Worker threads that rank demands beside the main thread: with --top, one per analysis worker
 * but the main thread's, when the index is small enough to copy.
 */
function rankingWorkers(options: Options): number {
  if (!options.top || statSync(options.profiles).size > RANKING_COPY_MAX_BYTES) return 0;
  return Math.max(0, analysisWorkers(options) - 1);
}

async function indexProfiles(options: Options): Promise<MatchIndex> {
  const baseline = options.method === 'baseline';
  const index = new MatchIndex({ baseline });
  const workers = analysisWorkers(options);
  const encoding = { baseline, kind: 'faculty' } as const;
  const analyzer: ChunkAnalyzer =
    workers > 0 ? new AnalysisPool(workers, encoding) : new MainThreadAnalyzer(encoding);
  const loader = index.loader();
  const bar = new ProgressBar('indexing profiles', undefined);
  try {
    try {
      await forEachEncodedBatch(options.profiles, analyzer, ({ batch, lineNumbers }) => {
        loader.load(batch, (head, position) => {
          if (index.has(head.id)) {
            throw new InputError(`${options.profiles}:${lineNumbers[position]}: duplicate id ${head.id}`);
          }
        });
        bar.update(index.size);
      });
    } catch (error) {
      throw error instanceof InputError ? error : new InputError((error as Error).message);
    }
    // The workers, idle now, write their share of the posting lists.
    await index.prepareShared(options.method, analyzer.postingsHelpers);
  } finally {
    await analyzer.close();
  }
  bar.finish(index.size);
  return index;
}

async function writePairs(
  options: Options,
  index: MatchIndex,
  demands: MatchDocument[],
  rankers: RankingPool,
): Promise<number> {
  const temporary = `${options.out}.partial-${process.pid}`;
  const output = createWriteStream(temporary);
  const bar = new ProgressBar('matching demands', demands.length);
  let written = 0;
  try {
    if (options.top) {
      const task = { demands, top: options.top, method: options.method };
      await rankers.rank(index, task, async ({ text, lines }, demandsDone) => {
        if (!output.write(text)) await once(output, 'drain');
        written += lines;
        bar.update(demandsDone);
      });
    } else {
      for (const [position, demand] of demands.entries()) {
        for (const match of index.scoreAll(demand, { kind: 'faculty', method: options.method })) {
          if (!output.write(outputLine(demand.id, match))) await once(output, 'drain');
          written++;
        }
        bar.update(position + 1);
      }
    }
    output.end();
    await once(output, 'finish');
    renameSync(temporary, options.out);
  } catch (error) {
    output.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
  bar.finish(demands.length);
  return written;
}

async function main(): Promise<void> {
  const options = readOptions();
  const demands = await readDemands(options.demands);
  // Started first, so that the ranking threads load while the index is built.
  const rankers = new RankingPool(rankingWorkers(options));
  // The main thread mostly waits while workers analyse the profiles; it ranks demands after.
  setImmediate(prepareAnalysis);
  let written: number;
  let index: MatchIndex;
  try {
    index = await indexProfiles(options);
    written = await writePairs(options, index, demands, rankers);
  } finally {
    await rankers.close();
  }
  process.stderr.write(
    `match: ${index.size} profiles × ${demands.length} demands → ${written} lines in ${options.out} (method ${options.method})\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`match: ${error.message.split('\n')[0]}\n`);
  process.exit(error instanceof InputError ? 1 : 2);
});
