import { readSourceOffThread } from './read-off-thread.js';
import { limitProblem, readSourceHere, type SourceResult, sourceFormat } from './read-source-inline.js';
import { checkWorkbookLimits, MalformedZipError, WorkbookLimitError } from './workbook-limits.js';

export type { SourceResult } from './read-source-inline.js';

/** Files up to this size are read on the calling thread: quicker than starting a reader thread. */
export const READ_HERE_UP_TO_BYTES = 512 * 1024;

/**
 * Reads an uploaded file into sheets. A workbook is first checked against the limits (declared and
 * inflated sizes, rows, cells, shared strings, depth) as a stream, before any reader inflates it;
 * a file past one gets a problem naming that limit. Big files are then read in a worker thread.
 */
export async function readSource(fileName: string, content: Buffer): Promise<SourceResult> {
  if (sourceFormat(fileName, content) === 'xlsx') {
    try {
      await checkWorkbookLimits(content);
    } catch (error) {
      if (error instanceof WorkbookLimitError) return limitProblem(error);
      if (error instanceof MalformedZipError)
        return { ok: false, code: 'file_unreadable', params: { reason: error.message.slice(0, 120) } };
      throw error;
    }
  }
  return content.length <= READ_HERE_UP_TO_BYTES
    ? readSourceHere(fileName, content)
    : readSourceOffThread(fileName, content);
}
