import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzedDocument, MatchDocument } from '../../matcher/index.js';
import { type AnalysedLines, analyzeLines } from './document-lines.js';

interface BatchResult extends AnalysedLines {
  id: number;
}

export interface AnalysedBatch {
  documents: MatchDocument[];
  lineNumbers: number[];
  analyzed: AnalyzedDocument[];
}

/** Turns batches of JSONL lines into analysed documents, in order. */
export interface LineAnalyzer {
  analyze(lines: string[], firstLine: number, source: string): Promise<AnalysedBatch>;
  close(): Promise<void>;
}

/** The same work on the main thread: for small inputs, where starting workers costs more. */
export class MainThreadAnalyzer implements LineAnalyzer {
  constructor(private readonly options: { baseline: boolean }) {}

  async analyze(lines: string[], firstLine: number, source: string): Promise<AnalysedBatch> {
    return unwrap(analyzeLines(lines, firstLine, source, this.options.baseline));
  }

  async close(): Promise<void> {}
}

function unwrap(result: AnalysedLines): AnalysedBatch {
  if (result.error) throw new Error(result.error);
  return { documents: result.documents!, lineNumbers: result.lineNumbers!, analyzed: result.analyzed! };
}

/** Threads the pool starts by default: one per core; the main thread indexes while they work. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Worker threads that parse and analyse JSONL lines. Results come back in the order the
 * batches went in, so an index built from them is the same as one built line by line.
 */
export class AnalysisPool implements LineAnalyzer {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (result: BatchResult) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  constructor(size: number, options: { baseline: boolean }) {
    const url = new URL('./analyze-worker.ts', import.meta.url).href;
    // Workers do not inherit tsx's loader on Node 20, so each registers it before importing.
    const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url)}); });`;
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(bootstrap, { eval: true, workerData: options });
      worker.on('message', (result: BatchResult) => {
        const entry = this.pending.get(result.id);
        this.pending.delete(result.id);
        entry?.resolve(result);
      });
      worker.on('error', (error) => {
        for (const entry of this.pending.values()) entry.reject(error);
        this.pending.clear();
      });
      return worker;
    });
  }

  /** Analyses one batch of lines; rejects with the first malformed line's message. */
  async analyze(lines: string[], firstLine: number, source: string): Promise<AnalysedBatch> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    const result = await new Promise<BatchResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, lines, firstLine, source });
    });
    return unwrap(result);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
