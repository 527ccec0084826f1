import { parentPort } from 'node:worker_threads';
import { type IndexSnapshot, MatchIndex, prepareAnalysis } from '../../matcher/index.js';
import { DemandRanker, type RankingTask } from './rank-demands.js';

/**
 * Ranks runs of demands with a copy of the main thread's index; see rank-pool.ts. Runs are taken
 * from a counter shared by every ranking thread, so a slower thread simply takes fewer.
 */
export interface RankingStart extends RankingTask {
  snapshot: IndexSnapshot;
  /** Int32Array over a SharedArrayBuffer: [0] is the next run to take. */
  nextRun: Int32Array;
  runSize: number;
}

export type RankingMessage =
  | { run: number; text: string; lines: number }
  | { done: true }
  | { error: string };

// Before the index arrives: the thread has nothing else to do while it is built.
prepareAnalysis();

// `on`, not `once`: the port keeps the thread alive until the pool ends it, after its last message.
parentPort!.on('message', (start: RankingStart) => {
  try {
    const index = MatchIndex.fromSnapshot(start.snapshot);
    const ranker = new DemandRanker(index, start);
    const count = start.demands.length;
    for (;;) {
      const run = Atomics.add(start.nextRun, 0, 1);
      const from = run * start.runSize;
      if (from >= count) break;
      const { text, lines } = ranker.rank(from, Math.min(count, from + start.runSize));
      parentPort!.postMessage({ run, text, lines } satisfies RankingMessage);
    }
    parentPort!.postMessage({ done: true } satisfies RankingMessage);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message } satisfies RankingMessage);
  }
});
