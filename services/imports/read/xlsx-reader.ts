import ExcelJS from 'exceljs';
import type { Cell, MergedRange, RawSheet } from './sheet.types.js';

export class UnreadableWorkbookError extends Error {}

/** Reads every sheet's cell values and merged ranges. A corrupt or truncated file is an UnreadableWorkbookError. */
export async function readWorkbook(content: Buffer): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it wants.
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbookError(error instanceof Error ? error.message : String(error));
  }
  return workbook.worksheets.map(readSheet);
}

function readSheet(worksheet: ExcelJS.Worksheet): RawSheet {
  const rows: (Cell[] | undefined)[] = [];
  const merges = new Map<string, MergedRange>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        // A merged range's other cells echo its first cell; keep the value once, remember the range.
        const master = cell.master;
        const range = merges.get(master.address) ?? {
          top: Number(master.row),
          left: Number(master.col),
          bottom: rowNumber,
          right: columnNumber,
        };
        range.bottom = Math.max(range.bottom, rowNumber);
        range.right = Math.max(range.right, columnNumber);
        merges.set(master.address, range);
        return;
      }
      cells[columnNumber - 1] = toCell(cell.value);
    });
    for (let index = 0; index < cells.length; index++) cells[index] ??= null;
    rows[rowNumber - 1] = cells;
  });
  return { name: worksheet.name, rows, merges: [...merges.values()] };
}

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : String(value.hyperlink);
  if ('error' in value) return { fault: 'cell_error', value: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    // Excel stores the last computed result beside the formula; a file written by a program may not.
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) {
      return { fault: 'formula_without_result', value: `=${(value as { formula?: string }).formula ?? ''}` };
    }
    return toCell(result);
  }
  return null;
}
