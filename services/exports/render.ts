import { stringify } from 'csv-stringify/sync';
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

/**
 * RFC 4180 with CRLF, starting with a byte-order mark (Excel reads a UTF-8 CSV as UTF-8 only then).
 * Text a spreadsheet would run as a formula is guarded (see formula-guard.ts). A field holding a
 * line break, or leading or trailing space, is quoted: csv-stringify leaves a lone CR or LF bare.
 */
export function renderCsv(table: ExportTable): Buffer {
  const text = stringify([table.headers, ...table.rows.map((row) => row.map(guardFormula))], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]|^\s|\s$/,
  });
  return Buffer.from(text, 'utf8');
}
