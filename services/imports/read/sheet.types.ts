/** A cell Excel could not give a usable value for; reported at its row and column, never guessed. */
export interface CellFault {
  fault: 'formula_without_result' | 'cell_error';
  value: string;
}

export type Cell = string | number | boolean | Date | CellFault | null;

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet as read, before any header is found. Rows and columns are 1-based as Excel counts them. */
export interface RawSheet {
  name: string;
  /** rows[n - 1] is row n; a missing entry is an empty row. */
  rows: (Cell[] | undefined)[];
  merges: MergedRange[];
}

export interface TableHeader {
  text: string;
  columnNumber: number;
}

export interface TableRow {
  rowNumber: number;
  /** cells[c - 1] is column c. */
  cells: Cell[];
}

/** A sheet with its header found: what the validator reads. */
export interface Table {
  sheet: string;
  headerRowNumber: number;
  headers: TableHeader[];
  rows: TableRow[];
}

export function isFault(cell: Cell): cell is CellFault {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The text a person sees in the cell, for headers and messages. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (isFault(cell)) return cell.value;
  return String(cell);
}
