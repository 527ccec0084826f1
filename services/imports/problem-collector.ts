import type { ImportProblem } from './imports.types.js';
import type { ProblemCode } from './messages.js';
import { columnLetter } from './text-normalization.js';

export interface ColumnRef {
  header: string;
  columnNumber: number;
}

/** Gathers problems with their place in the file, as codes and values: the reader's side words them. */
export class ProblemCollector {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  sheet = '';

  add(
    severity: ImportProblem['severity'],
    code: ProblemCode,
    where: { row?: number | null; column?: ColumnRef | null } = {},
    params: Record<string, string | number> = {},
  ): void {
    const problem: ImportProblem = {
      severity,
      sheet: this.sheet,
      row: where.row ?? null,
      column: where.column
        ? { header: where.column.header, letter: columnLetter(where.column.columnNumber) }
        : null,
      code,
      params,
    };
    (severity === 'error' ? this.errors : this.warnings).push(problem);
  }

  error(
    code: ProblemCode,
    where?: { row?: number | null; column?: ColumnRef | null },
    params?: Record<string, string | number>,
  ): void {
    this.add('error', code, where, params);
  }

  warning(
    code: ProblemCode,
    where?: { row?: number | null; column?: ColumnRef | null },
    params?: Record<string, string | number>,
  ): void {
    this.add('warning', code, where, params);
  }
}
