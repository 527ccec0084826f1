import { parentPort, workerData } from 'node:worker_threads';
import {
  BatchEncoder,
  DocumentAnalyzer,
  type PostingsJob,
  transferables,
  writePostings,
} from '../../matcher/index.js';
import { type EncodeOptions, encodeChunk, type LineChunk } from './document-lines.js';

/**
 * Parses, analyses and numbers chunks of JSONL lines off the main thread, and at the end of a
 * build writes a share of the index's posting lists; see analysis-pool.ts.
 */
const options = workerData as EncodeOptions & { encoder: number };
const encoder = new BatchEncoder(options.encoder, options.baseline);
const analysis = new DocumentAnalyzer();

type Request = { id: number; chunk: LineChunk; source: string } | { id: number; postings: PostingsJob };

parentPort!.on('message', (request: Request) => {
  const { id } = request;
  if ('postings' in request) {
    writePostings(request.postings);
    parentPort!.postMessage({ id });
    return;
  }
  const { chunk, source } = request;
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
