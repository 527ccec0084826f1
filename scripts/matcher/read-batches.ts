import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AnalysedBatch, LineAnalyzer } from './analysis-pool.js';

/** Lines a worker gets at once: large enough to amortise messaging, small enough to stream. */
export const BATCH_LINES = 500;

/**
 * Streams a JSONL file through the pool, handing each analysed batch to `onBatch` in file
 * order, with at most `inFlight` batches queued so memory stays flat on any file size.
 */
export async function forEachAnalysedBatch(
  path: string,
  pool: LineAnalyzer,
  onBatch: (batch: AnalysedBatch, linesRead: number) => void,
  inFlight = 8,
): Promise<number> {
  const queue: Promise<AnalysedBatch>[] = [];
  let lines: string[] = [];
  let lineNumber = 0;
  let firstLine = 1;
  const drainTo = async (size: number) => {
    while (queue.length > size) onBatch(await queue.shift()!, lineNumber);
  };
  const input = createReadStream(path);
  try {
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      lines.push(line);
      if (lines.length === BATCH_LINES) {
        const batch = pool.analyze(lines, firstLine, path);
        batch.catch(() => {});
        queue.push(batch);
        lines = [];
        firstLine = lineNumber + 1;
        await drainTo(inFlight);
      }
    }
    if (lines.length) {
      const batch = pool.analyze(lines, firstLine, path);
      batch.catch(() => {});
      queue.push(batch);
    }
    await drainTo(0);
    return lineNumber;
  } finally {
    input.destroy();
  }
}
