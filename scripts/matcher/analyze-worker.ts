import { parentPort, workerData } from 'node:worker_threads';
import { analyzeLines } from './document-lines.js';

/** Parses and analyses batches of JSONL lines off the main thread; see analysis-pool.ts. */
const { baseline } = workerData as { baseline: boolean };

interface Batch {
  id: number;
  lines: string[];
  firstLine: number;
  source: string;
}

parentPort!.on('message', (batch: Batch) => {
  parentPort!.postMessage({
    id: batch.id,
    ...analyzeLines(batch.lines, batch.firstLine, batch.source, baseline),
  });
});
