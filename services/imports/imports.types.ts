import type { Actor } from '../audit/index.js';
import type { ProblemCode } from './messages.js';

export const IMPORT_KINDS = ['faculty', 'teams', 'enterprises', 'demands', 'results'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportInput {
  kind: ImportKind;
  /** Only its extension is a hint; the content's first bytes decide between XLSX and CSV. */
  fileName: string;
  content: Buffer;
}

export interface ImportOptions {
  actor?: Actor;
  /** Called as rows are checked and written, so a command line can draw a progress bar. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ProblemLocation {
  sheet: string;
  /** 1-based, as Excel shows it; null for a problem with the whole file. */
  row: number | null;
  column: { header: string; letter: string } | null;
}

/**
 * A problem as data: its code (the catalogue's `import.problem.<code>`) and the values its sentence
 * needs (what was written, the limits, a list's or column's name in both languages). Whoever shows it
 * words it in the reader's language, with `wordProblem`.
 */
export interface ImportProblem extends ProblemLocation {
  severity: 'error' | 'warning';
  code: ProblemCode;
  params: ProblemParams;
}

export type ProblemParams = Readonly<Record<string, string | number>>;

export interface PlannedChange {
  action: 'create' | 'update';
  row: number;
  /** What a person recognises the record by: "哈尔滨工业大学（威海） / 张三". */
  label: string;
  /** For an update: the fields that change, with their old and new values. */
  changes?: Record<string, { before: unknown; after: unknown }>;
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  sheet: string | null;
  rowsRead: number;
  valid: boolean;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  counts: { create: number; update: number; unchanged: number };
  changes: PlannedChange[];
}

export interface ImportOutcome {
  report: ImportReport;
  /** False when the file was refused: nothing was written. */
  committed: boolean;
}
