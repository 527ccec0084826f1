import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  BatchEncoder,
  DocumentAnalyzer,
  type PostingsHelper,
  type PostingsJob,
} from '../../matcher/index.js';
import { type EncodedLines, type EncodeOptions, encodeChunk, type LineChunk } from './document-lines.js';

/** Turns chunks of JSONL lines into analysed, numbered documents (see matcher/encoded.ts). */
export interface ChunkAnalyzer {
  analyze(chunk: LineChunk, source: string): Promise<EncodedLines>;
  /** Threads that can write a share of the index's posting lists once analysis is done. */
  readonly postingsHelpers: readonly PostingsHelper[];
  close(): Promise<void>;
}

function unwrap(result: EncodedLines | { error: string }): EncodedLines {
  if ('error' in result) throw new Error(result.error);
  return result;
}

/** The same work on the main thread: for small inputs, where starting workers costs more. */
export class MainThreadAnalyzer implements ChunkAnalyzer {
  private readonly encoder: BatchEncoder;
  private readonly analysis = new DocumentAnalyzer();
  readonly postingsHelpers: readonly PostingsHelper[] = [];

  constructor(private readonly options: EncodeOptions) {
    this.encoder = new BatchEncoder(0, options.baseline);
  }

  async analyze(chunk: LineChunk, source: string): Promise<EncodedLines> {
    return unwrap(encodeChunk(chunk, source, this.encoder, this.analysis, this.options));
  }

  async close(): Promise<void> {}
}

/** Threads the pool starts by default: one per core; the main thread only reads and indexes. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** Measured on 100k bench profiles: 6% less analysis time than the default of 16 MB. */
const WORKER_NURSERY_MB = 64;

/**
 * Worker threads that parse, analyse and number chunks of JSONL lines. Chunks go to the
 * workers in turn and each worker keeps its own vocabulary, so a worker's batches must be
 * loaded in the order it made them: loading results in the order chunks went in does that.
 */
export class AnalysisPool implements ChunkAnalyzer {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (result: unknown) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;
  readonly postingsHelpers: readonly PostingsHelper[];

  constructor(size: number, options: EncodeOptions) {
    const url = new URL('./analyze-worker.ts', import.meta.url).href;
    // Workers do not inherit tsx's loader on Node 20, so each registers it before importing.
    const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url)}); });`;
    this.workers = Array.from({ length: size }, (_, encoder) => {
      const worker = new Worker(bootstrap, {
        eval: true,
        workerData: { ...options, encoder },
        // Analysis makes many short-lived strings and maps; a larger nursery scavenges less often.
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_NURSERY_MB },
      });
      worker.on('message', (result: { id: number }) => {
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
    this.postingsHelpers = this.workers.map((worker) => async (postings: PostingsJob) => {
      await this.request<{ id: number }>(worker, { postings });
    });
  }

  /** Analyses one chunk; rejects with the first malformed line's message. */
  async analyze(chunk: LineChunk, source: string): Promise<EncodedLines> {
    const worker = this.workers[this.nextId % this.workers.length]!;
    return unwrap(
      await this.request<EncodedLines | { error: string }>(worker, { chunk, source }, [
        chunk.bytes.buffer as ArrayBuffer,
      ]),
    );
  }

  /** Posts a message with a fresh id; settles with the worker's reply to that id. */
  private request<Reply>(worker: Worker, message: object, transfer: ArrayBuffer[] = []): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, ...message }, transfer);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
