import { Worker } from 'node:worker_threads';
import type { MatchIndex } from '../../matcher/index.js';
import { DemandRanker, type RankedRun, type RankingTask } from './rank-demands.js';
import type { RankingMessage, RankingStart } from './rank-worker.js';

/** Most demands in a run: small enough that the threads finish together, large enough to amortise a message. */
const MAX_RUN = 10;

/**
 * Ranks a batch's demands on the main thread and on worker threads at once, each thread with
 * its own copy of the built index (MatchIndex.snapshot()): ranking a thousand demands is as
 * much work as building the index, and one thread would leave the other cores idle. The
 * workers start with the pool, so that they load their modules while the index is built.
 */
export class RankingPool {
  private readonly workers: Worker[];
  private failure: Error | undefined;

  constructor(size: number) {
    const url = new URL('./rank-worker.ts', import.meta.url).href;
    // Workers do not inherit tsx's loader on Node 20, so each registers it before importing.
    const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url)}); });`;
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(bootstrap, { eval: true });
      worker.on('error', (error) => {
        this.failure ??= error;
      });
      return worker;
    });
  }

  /**
   * Ranks every demand and hands the output of each run of demands to `write`, in demand order,
   * with the number of demands ranked so far.
   */
  async rank(
    index: MatchIndex,
    task: RankingTask,
    write: (output: RankedRun, demandsDone: number) => Promise<void>,
  ): Promise<void> {
    const count = task.demands.length;
    const runSize = Math.max(1, Math.min(MAX_RUN, Math.ceil(count / (8 * (this.workers.length + 1)))));
    const runCount = Math.ceil(count / runSize);
    const nextRun = new Int32Array(new SharedArrayBuffer(4));
    const results: (RankedRun | undefined)[] = new Array(runCount);
    const finished = this.listen(results);
    finished.catch(() => {});
    if (this.workers.length > 0) {
      const start: RankingStart = { ...task, snapshot: index.snapshot(), nextRun, runSize };
      for (const worker of this.workers) worker.postMessage(start);
    }
    let written = 0;
    const flush = async () => {
      while (written < runCount && results[written] !== undefined) {
        const output = results[written]!;
        results[written] = undefined;
        written++;
        await write(output, Math.min(count, written * runSize));
      }
    };
    const ranker = new DemandRanker(index, task);
    for (;;) {
      if (this.failure) throw this.failure;
      const run = Atomics.add(nextRun, 0, 1);
      const from = run * runSize;
      if (from >= count) break;
      results[run] = ranker.rank(from, Math.min(count, from + runSize));
      // Lets the workers' results in between runs of this thread's own.
      await new Promise((resolve) => setImmediate(resolve));
      await flush();
    }
    await finished;
    await flush();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** Collects the workers' runs into `results`; settles when every worker is done or one fails. */
  private listen(results: (RankedRun | undefined)[]): Promise<void> {
    let working = this.workers.length;
    return new Promise<void>((resolve, reject) => {
      if (this.failure) reject(this.failure);
      if (working === 0) resolve();
      for (const worker of this.workers) {
        let done = false;
        worker.on('error', reject);
        worker.on('exit', () => {
          if (!done) reject(new Error('a ranking thread stopped before it was done'));
        });
        worker.on('message', (message: RankingMessage) => {
          if ('error' in message) reject(new Error(message.error));
          else if ('done' in message) {
            done = true;
            if (--working === 0) resolve();
          } else results[message.run] = { text: message.text, lines: message.lines };
        });
      }
    });
  }
}
