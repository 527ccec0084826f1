import type { ExportCell } from './exports.types.js';

/**
 * OWASP's rule against CSV/formula injection: a text cell starting with = + - @ tab or carriage
 * return could be run by a spreadsheet as a formula (also in an XLSX, once someone edits the cell),
 * so it is written with a leading apostrophe, which Excel shows as text and the importer removes.
 * Numbers are numbers, never formulas: they are left as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(cell: ExportCell): ExportCell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
