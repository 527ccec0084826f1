import { Worker } from 'node:worker_threads';
import type { TextEncoding } from './decode-text.js';
import type { SourceResult } from './read-source-inline.js';
import type { Cell, MergedRange, RawSheet } from './sheet.types.js';

/**
 * The reader thread's heap, in MB. Reading a workbook costs several times its XML in objects; a
 * file within the limits fits, and one that somehow does not ends that thread, never the server.
 */
export const READER_HEAP_MB = 768;

type ReaderMessage =
  | { type: 'failed'; result: SourceResult }
  | {
      type: 'start';
      format: 'xlsx' | 'csv';
      encoding: TextEncoding | null;
      sheets: { name: string; merges: MergedRange[]; rowCount: number }[];
    }
  | { type: 'rows'; sheetIndex: number; start: number; rows: (Cell[] | null)[] }
  | { type: 'done' };

const WORKER_URL = new URL('./source-worker.ts', import.meta.url);

function startReader(fileName: string, content: Buffer): Worker {
  // The thread gets its own copy of the bytes; the upload's buffer stays the caller's.
  const copy = new Uint8Array(content);
  const options = {
    workerData: { fileName, content: copy },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB },
  };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./source-worker.js', import.meta.url), options);
  // Workers do not inherit tsx's loader on Node 20, so the thread registers it before importing.
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * Reads a file in a worker thread, so a 100,000-row workbook (tens of seconds in the spreadsheet
 * reader) never stops the portal answering. Rows arrive in slices between other requests.
 */
export function readSourceOffThread(fileName: string, content: Buffer): Promise<SourceResult> {
  return new Promise((resolve) => {
    const worker = startReader(fileName, content);
    let sheets: RawSheet[] = [];
    let header: Extract<ReaderMessage, { type: 'start' }> | null = null;
    let settled = false;
    const settle = (result: SourceResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    worker.on('message', (message: ReaderMessage) => {
      if (message.type === 'failed') return settle(message.result);
      if (message.type === 'start') {
        header = message;
        sheets = message.sheets.map((sheet) => ({
          name: sheet.name,
          merges: sheet.merges,
          rows: new Array(sheet.rowCount),
        }));
        return;
      }
      if (message.type === 'rows') {
        const target = sheets[message.sheetIndex]!.rows;
        message.rows.forEach((row, offset) => {
          target[message.start + offset] = row ?? undefined;
        });
        return;
      }
      if (header) settle({ ok: true, format: header.format, encoding: header.encoding, sheets });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, code: 'file_too_complex', params: { heap: READER_HEAP_MB } }
          : { ok: false, code: 'file_unreadable', params: { reason: error.message.slice(0, 120) } },
      );
    });
    worker.on('exit', (code) => {
      if (!settled)
        settle({ ok: false, code: 'file_unreadable', params: { reason: `reader stopped (${code})` } });
    });
  });
}
