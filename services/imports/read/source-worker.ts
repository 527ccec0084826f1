import { parentPort, workerData } from 'node:worker_threads';
import { readSourceHere } from './read-source-inline.js';

/**
 * Reads one uploaded file off the main thread (see read-off-thread.ts) and sends the sheets back a
 * slice of rows at a time, so taking them in never holds the main thread for long.
 */
const ROWS_PER_MESSAGE = 2_000;

const { fileName, content } = workerData as { fileName: string; content: Uint8Array };
const result = await readSourceHere(
  fileName,
  Buffer.from(content.buffer, content.byteOffset, content.byteLength),
);
if (!result.ok) {
  parentPort!.postMessage({ type: 'failed', result });
} else {
  parentPort!.postMessage({
    type: 'start',
    format: result.format,
    encoding: result.encoding,
    sheets: result.sheets.map((sheet) => ({
      name: sheet.name,
      merges: sheet.merges,
      rowCount: sheet.rows.length,
    })),
  });
  for (const [sheetIndex, sheet] of result.sheets.entries()) {
    for (let start = 0; start < sheet.rows.length; start += ROWS_PER_MESSAGE) {
      // Holes (empty rows) become null: structured cloning keeps them, but explicitly is clearer.
      const rows = sheet.rows.slice(start, start + ROWS_PER_MESSAGE).map((row) => row ?? null);
      parentPort!.postMessage({ type: 'rows', sheetIndex, start, rows });
    }
  }
  parentPort!.postMessage({ type: 'done' });
}
