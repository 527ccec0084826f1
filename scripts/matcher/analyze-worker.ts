import { parentPort, workerData } from 'node:worker_threads';
import { BatchEncoder, DocumentAnalyzer, transferables } from '../../matcher/index.js';
import { type EncodeOptions, encodeChunk, type LineChunk } from './document-lines.js';

/** Parses, analyses and numbers chunks of JSONL lines off the main thread; see analysis-pool.ts. */
const options = workerData as EncodeOptions & { encoder: number };
const encoder = new BatchEncoder(options.encoder, options.baseline);
const analysis = new DocumentAnalyzer();

parentPort!.on('message', ({ id, chunk, source }: { id: number; chunk: LineChunk; source: string }) => {
  const result = encodeChunk(chunk, source, encoder, analysis, options);
  if ('error' in result) {
    parentPort!.postMessage({ id, error: result.error });
    return;
  }
  parentPort!.postMessage({ id, ...result }, [
    ...transferables(result.batch),
    result.lineNumbers.buffer as ArrayBuffer,
  ]);
});
