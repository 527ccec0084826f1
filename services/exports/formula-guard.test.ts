import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { textParser } from '../imports/field-parsers.js';
import { parseCsv } from '../imports/read/csv-parser.js';
import type { ExportTable } from './exports.types.js';
import { renderCsv, renderXlsx } from './render.js';

/** Every first character OWASP lists as able to start a formula, each in a cell of its own. */
const DANGEROUS = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '-cmd|calc!A0'];

const table: ExportTable = {
  sheetName: 'guard',
  headers: ['text', 'number'],
  rows: [...DANGEROUS.map((text, index) => [text, -index - 1]), ['碳纤维 - 固化', 42], ['plain', 0]],
};

describe('exported cells that a spreadsheet would run as a formula', () => {
  it('start with an apostrophe in CSV, every dangerous first character, while numbers stay numbers', () => {
    const text = renderCsv(table)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const records = parseCsv(text).records.slice(1);
    expect(records.slice(0, DANGEROUS.length).map((record) => record[0])).toEqual(
      DANGEROUS.map((cell) => `'${cell}`),
    );
    // Negative numbers are written bare: a number is never a formula.
    expect(records.slice(0, DANGEROUS.length).map((record) => record[1])).toEqual(
      DANGEROUS.map((_, index) => String(-index - 1)),
    );
    expect(records.at(-2)).toEqual(['碳纤维 - 固化', '42']);
  });

  it('start with an apostrophe in XLSX, and numbers are number cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx([table])) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    DANGEROUS.forEach((cell, index) => {
      const row = sheet.getRow(index + 2);
      // XML turns a carriage return into a line feed when read; the apostrophe is what matters.
      expect(row.getCell(1).value).toBe(`'${cell}`.replace('\r', '\n'));
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(2).value).toBe(-index - 1);
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    });
  });

  it('come back without the apostrophe when the file is imported again', () => {
    const parse = textParser();
    for (const cell of ['=1+1', '+1', '-1+1', '@x']) expect(parse(`'${cell}`)).toEqual({ value: cell });
    expect(parse("'plain")).toEqual({ value: "'plain" });
  });
});
