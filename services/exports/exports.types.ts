import type { Database } from '../db/index.js';
import type { Locale } from '../imports/index.js';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LISTS = [
  'demands',
  'queue',
  'collaborations',
  'services',
  'stats',
  'faculty',
  'teams',
  'enterprises',
  'results',
  'projects',
] as const;
export type ExportListName = (typeof EXPORT_LISTS)[number];

export type ExportCell = string | number | null;

/** One sheet, already in the reader's language. */
export interface ExportTable {
  sheetName: string;
  headers: string[];
  /** Column widths in characters, for the XLSX; CSV has none. */
  widths?: number[];
  rows: ExportCell[][];
}

export interface ExportOptions {
  locale: Locale;
  /** "Now", for waiting times and file names; tests fix it. */
  now: Date;
  /** How many best matches to list per demand. */
  topMatches: number;
}

/** A list or report: one function from the database to a table. Adding a report is adding one of these. */
export type ListExporter = (db: Database, options: ExportOptions) => Promise<ExportTable>;

/** What a route sends and a script writes. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}
