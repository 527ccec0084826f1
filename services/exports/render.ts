import ExcelJS from 'exceljs';
import { DEFAULT_LOCALE, translate } from '../i18n/index.js';
import type { ExportFormat, ExportTable } from './exports.types.js';
import { guardFormula } from './formula-guard.js';

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

export async function renderXlsx(tables: ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = translate(DEFAULT_LOCALE, 'app.sender');
  for (const table of tables) {
    const sheet = workbook.addWorksheet(safeSheetName(table.sheetName), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.headers.map((header, index) => ({
      header,
      width: table.widths?.[index] ?? Math.min(40, Math.max(10, header.length * 2 + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(guardFormula));
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > 1) row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel reads a UTF-8 CSV as UTF-8 only when it starts with a byte-order mark. */
const UTF8_BOM = '\uFEFF';

/** RFC 4180 with CRLF; text a spreadsheet would run as a formula is guarded (see formula-guard.ts). */
export function renderCsv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvField(cell: string | number | null): string {
  if (cell === null) return '';
  const text = String(guardFormula(cell));
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
