import type { ColumnDefinition, KindDefinition } from './kinds/index.js';
import { cellText, isBlank, type RawSheet, type Table } from './read/sheet.types.js';
import { normalizeHeader } from './text-normalization.js';

/** Title rows ("威海市企业技术需求清单") often sit above the header; look this far down for it. */
const HEADER_SCAN_ROWS = 10;

export interface HeaderColumn {
  columnNumber: number;
  /** As the person sees it; a two-row header reads "预算（万元） 下限". */
  text: string;
  /** Texts to try against the known headers, most specific first. */
  candidates: string[];
  /** The cell continues a merged header to its left and adds nothing of its own. */
  continuesMerge: boolean;
}

export interface SheetLayout {
  headerRowNumber: number;
  dataStartRow: number;
  columns: HeaderColumn[];
}

export interface MappedColumn {
  definition: ColumnDefinition;
  columnNumber: number;
  header: string;
}

export interface HeaderMapping {
  mapped: MappedColumn[];
  unknown: HeaderColumn[];
  duplicates: { column: HeaderColumn; first: MappedColumn }[];
  missingRequired: ColumnDefinition[];
}

const indexCache = new WeakMap<KindDefinition, Map<string, ColumnDefinition>>();

function headerIndex(kind: KindDefinition): Map<string, ColumnDefinition> {
  let index = indexCache.get(kind);
  if (!index) {
    index = new Map();
    for (const column of kind.columns) {
      for (const name of [column.label.zh, column.label.en, ...column.aliases, column.field]) {
        const key = normalizeHeader(name);
        if (!index.has(key)) index.set(key, column);
      }
    }
    indexCache.set(kind, index);
  }
  return index;
}

export function lookupHeader(kind: KindDefinition, candidates: string[]): ColumnDefinition | undefined {
  const index = headerIndex(kind);
  for (const candidate of candidates) {
    const found = index.get(normalizeHeader(candidate));
    if (found) return found;
  }
  return undefined;
}

/**
 * The header row that names the most of the kind's fields. Under merged cells the header may take two
 * rows ("预算（万元）" across "下限" and "上限"); both readings are scored and the better one kept.
 */
export function findHeader(sheet: RawSheet, kind: KindDefinition): SheetLayout | null {
  let best: { layout: SheetLayout; matches: number } | null = null;
  const lastRow = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber++) {
    const mergesHere = sheet.merges.filter((merge) => merge.top === rowNumber);
    const readings = [readHeaderAt(sheet, rowNumber, false)];
    if (mergesHere.length > 0) {
      const twoRows = readHeaderAt(sheet, rowNumber, true);
      // A cell merged down says plainly that the header is two rows deep; prefer it on a tie.
      if (mergesHere.some((merge) => merge.bottom > rowNumber)) readings.unshift(twoRows);
      else readings.push(twoRows);
    }
    for (const layout of readings) {
      const matches = countFields(layout, kind);
      if (matches > 0 && (!best || matches > best.matches)) best = { layout, matches };
    }
  }
  return best?.layout ?? null;
}

function countFields(layout: SheetLayout, kind: KindDefinition): number {
  const fields = new Set(layout.columns.map((column) => lookupHeader(kind, column.candidates)?.field));
  fields.delete(undefined);
  return fields.size;
}

function readHeaderAt(sheet: RawSheet, rowNumber: number, twoRows: boolean): SheetLayout {
  const top = sheet.rows[rowNumber - 1] ?? [];
  const below = sheet.rows[rowNumber] ?? [];
  const mergesHere = sheet.merges.filter((merge) => merge.top === rowNumber);
  const width = Math.max(top.length, twoRows ? below.length : 0);
  const columns: HeaderColumn[] = [];
  for (let columnNumber = 1; columnNumber <= width; columnNumber++) {
    const across = mergesHere.find(
      (merge) => merge.left < columnNumber && columnNumber <= merge.right && merge.top === rowNumber,
    );
    const upper = cellText(across ? top[across.left - 1] : top[columnNumber - 1]).trim();
    const lower = twoRows ? cellText(below[columnNumber - 1]).trim() : '';
    const text = [upper, lower].filter(Boolean).join(' ');
    const candidates = [...new Set([upper + lower, lower, upper].filter(Boolean))];
    columns.push({ columnNumber, text, candidates, continuesMerge: across !== undefined && lower === '' });
  }
  return { headerRowNumber: rowNumber, dataStartRow: rowNumber + (twoRows ? 2 : 1), columns };
}

export function mapHeaders(layout: SheetLayout, kind: KindDefinition): HeaderMapping {
  const mapped: MappedColumn[] = [];
  const unknown: HeaderColumn[] = [];
  const duplicates: HeaderMapping['duplicates'] = [];
  for (const column of layout.columns) {
    if (column.text === '') continue;
    const definition = lookupHeader(kind, column.candidates);
    if (!definition) {
      unknown.push(column);
      continue;
    }
    const first = mapped.find((entry) => entry.definition.field === definition.field);
    if (first) {
      if (!column.continuesMerge) duplicates.push({ column, first });
      continue;
    }
    mapped.push({ definition, columnNumber: column.columnNumber, header: column.text });
  }
  const fields = new Set(mapped.map((entry) => entry.definition.field));
  const missingRequired = kind.columns.filter((column) => column.required && !fields.has(column.field));
  return { mapped, unknown, duplicates, missingRequired };
}

/** The data rows under the header, skipping rows with nothing in them. */
export function tableFrom(sheet: RawSheet, layout: SheetLayout): Table {
  const rows: Table['rows'] = [];
  for (let rowNumber = layout.dataStartRow; rowNumber <= sheet.rows.length; rowNumber++) {
    const cells = sheet.rows[rowNumber - 1];
    if (cells?.some((cell) => !isBlank(cell))) rows.push({ rowNumber, cells });
  }
  return {
    sheet: sheet.name,
    headerRowNumber: layout.headerRowNumber,
    headers: layout.columns.map((column) => ({ text: column.text, columnNumber: column.columnNumber })),
    rows,
  };
}
