import path from 'node:path';
import type { ProblemCode } from '../messages.js';
import { parseCsv } from './csv-parser.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import type { Cell, RawSheet } from './sheet.types.js';
import { MalformedZipError, WORKBOOK_LIMITS, WorkbookLimitError } from './workbook-limits.js';
import { readWorkbook, UnreadableWorkbookError } from './xlsx-reader.js';

export type SourceResult =
  | { ok: true; format: 'xlsx' | 'csv'; encoding: TextEncoding | null; sheets: RawSheet[] }
  | { ok: false; code: ProblemCode; params?: Record<string, string | number> };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (content: Buffer, signature: number[]) =>
  signature.every((byte, index) => content[index] === byte);

export type SourceFormat = 'xlsx' | 'csv' | 'legacy' | 'empty';

/** The bytes decide the format, not the name: people rename files, and a ".csv" that is really a workbook should still import. */
export function sourceFormat(fileName: string, content: Buffer): SourceFormat {
  if (content.length === 0) return 'empty';
  if (startsWith(content, OLE_SIGNATURE)) return 'legacy';
  return startsWith(content, ZIP_SIGNATURE) || /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

/** A limit passed, as the report's problem: the message names the limit and its value. */
export function limitProblem(error: WorkbookLimitError): SourceResult {
  const { limit, max } = error.exceeded;
  return { ok: false, code: `limit_${limit}` as ProblemCode, params: { max } };
}

/**
 * Reads a file into sheets on this thread. For a workbook the caller has already checked the
 * limits (see read-source.ts); a CSV is bounded by the upload's size and its rows are counted here.
 */
export async function readSourceHere(fileName: string, content: Buffer): Promise<SourceResult> {
  const format = sourceFormat(fileName, content);
  if (format === 'empty') return { ok: false, code: 'file_empty' };
  if (format === 'legacy') return { ok: false, code: 'file_legacy_xls' };
  if (format === 'xlsx') {
    try {
      return { ok: true, format: 'xlsx', encoding: null, sheets: await readWorkbook(content) };
    } catch (error) {
      if (!(error instanceof UnreadableWorkbookError) && !(error instanceof MalformedZipError)) throw error;
      return { ok: false, code: 'file_unreadable', params: { reason: error.message.slice(0, 120) } };
    }
  }
  const decoded = decodeText(content);
  if (!decoded) return { ok: false, code: 'encoding_unknown' };
  if (decoded.text.trim() === '') return { ok: false, code: 'file_empty' };
  const parsed = parseCsv(decoded.text);
  if (parsed.unclosedQuoteAt !== null) {
    return { ok: false, code: 'csv_unclosed_quote', params: { row: parsed.unclosedQuoteAt } };
  }
  if (parsed.records.length > WORKBOOK_LIMITS.rowsPerSheet)
    return limitProblem(
      new WorkbookLimitError({
        limit: 'rowsPerSheet',
        max: WORKBOOK_LIMITS.rowsPerSheet,
        found: parsed.records.length,
      }),
    );
  const rows = parsed.records.map((record) => record.map((field): Cell => (field === '' ? null : field)));
  const name = path.basename(fileName).replace(/\.[^.]*$/, '') || 'CSV';
  return { ok: true, format: 'csv', encoding: decoded.encoding, sheets: [{ name, rows, merges: [] }] };
}
