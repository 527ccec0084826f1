import { parentPort, workerData } from 'node:worker_threads';
import { analyzeDocument, type MatchDocument } from '../../matcher/index.js';
import { parseDocumentLine } from './document-lines.js';

/** Parses and analyses batches of JSONL lines off the main thread; see analysis-pool.ts. */
const { baseline } = workerData as { baseline: boolean };

interface Batch {
  id: number;
  lines: string[];
  firstLine: number;
  source: string;
}

parentPort!.on('message', (batch: Batch) => {
  const documents: MatchDocument[] = [];
  for (let index = 0; index < batch.lines.length; index++) {
    const parsed = parseDocumentLine(batch.lines[index]!, batch.firstLine + index, batch.source);
    if (typeof parsed === 'string') {
      parentPort!.postMessage({ id: batch.id, error: parsed });
      return;
    }
    if (parsed) documents.push(parsed);
  }
  const analyzed = documents.map((document) => analyzeDocument(document, { baseline }));
  parentPort!.postMessage({ id: batch.id, documents, analyzed });
});
