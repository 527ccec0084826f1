import { textFault } from '../shared/text-hygiene.js';
import { checkFields } from '../validation/index.js';
import { faultProblem } from './field-parsers.js';
import type { MappedColumn } from './header-mapping.js';
import type { ImportProgress } from './imports.types.js';
import type { KindDefinition, RowContext } from './kinds/index.js';
import type { PreparedTable } from './prepare-table.js';
import type { ProblemCollector } from './problem-collector.js';
import { isBlank, type TableRow } from './read/sheet.types.js';
import type { ReferenceData } from './reference-data.js';
import { ruleProblem } from './rule-problems.js';

export interface PlannedCreate {
  row: number;
  label: string;
  values: Record<string, unknown>;
}

export interface PlannedUpdate {
  row: number;
  id: number;
  label: string;
  /** The new values of the fields that change. */
  set: Record<string, unknown>;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
}

/** Rows between progress reports: often enough for a bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 1_000;

/**
 * Checks every row and decides, by natural key, whether it creates a record, updates one (and which
 * fields), or changes nothing. Pure (it yields now and then, nothing more): the references and existing records were loaded beforehand.
 */
/** Rows checked between yields to the event loop, so other requests are answered during a big import. */
const ROWS_PER_TURN = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function planChanges(
  kind: KindDefinition,
  prepared: PreparedTable,
  references: ReferenceData,
  existing: Record<string, unknown>[],
  problems: ProblemCollector,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportPlan> {
  const existingByKey = new Map(existing.map((record) => [kind.keyOf(record), record]));
  const firstRowByKey = new Map<string, number>();
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0 };
  const total = prepared.table.rows.length;
  const columns = new Map(prepared.mapping.mapped.map((entry) => [entry.definition.field, entry]));
  for (const [index, tableRow] of prepared.table.rows.entries()) {
    if (index % PROGRESS_EVERY === 0) onProgress?.({ phase: 'checking', done: index, total });
    if (index > 0 && index % ROWS_PER_TURN === 0) await nextTurn();
    const row = readRow(tableRow, prepared, columns, problems);
    const resolved = kind.resolve(row, references);
    if (!resolved || !passesRules(kind, resolved.values, row, columns)) continue;
    const first = firstRowByKey.get(resolved.key);
    if (first !== undefined) {
      problems.error('duplicate_row', { row: tableRow.rowNumber }, { first, key: resolved.label });
      continue;
    }
    firstRowByKey.set(resolved.key, tableRow.rowNumber);
    const current = existingByKey.get(resolved.key);
    if (!current) {
      plan.creates.push({
        row: tableRow.rowNumber,
        label: resolved.label,
        values: { ...kind.createDefaults, ...resolved.values },
      });
      continue;
    }
    const set: Record<string, unknown> = {};
    const changes: PlannedUpdate['changes'] = {};
    for (const [field, value] of Object.entries(resolved.values)) {
      if (kind.identityFields.includes(field) || sameValue(value, current[field])) continue;
      set[field] = value;
      changes[field] = { before: current[field] ?? null, after: value };
    }
    if (Object.keys(set).length === 0) plan.unchanged += 1;
    else
      plan.updates.push({
        row: tableRow.rowNumber,
        id: current.id as number,
        label: resolved.label,
        set,
        changes,
      });
  }
  onProgress?.({ phase: 'checking', done: total, total });
  return plan;
}

/** Reports, on its cell, each value that breaks the entity's field rules; true when none does. */
function passesRules(
  kind: KindDefinition,
  values: Record<string, unknown>,
  row: RowContext,
  columns: Map<string, MappedColumn>,
): boolean {
  const failed = Object.entries(checkFields(kind.rules, values));
  for (const [field, issue] of failed) {
    const { code, params } = ruleProblem(issue, values[field]);
    row.problem(field, code, { column: columns.get(field)?.header ?? field, ...params });
  }
  return failed.length === 0;
}

function sameValue(left: unknown, right: unknown): boolean {
  if ((left ?? null) === (right ?? null)) return true;
  return typeof left === 'object' && JSON.stringify(left) === JSON.stringify(right);
}

/** Parses the row's mapped cells once; problems land on the cell's row and column. */
function readRow(
  tableRow: TableRow,
  prepared: PreparedTable,
  columns: Map<string, MappedColumn>,
  problems: ProblemCollector,
): RowContext {
  const values = new Map<string, unknown>();
  const where = (field: string | null) => {
    const column = field ? columns.get(field) : undefined;
    return {
      row: tableRow.rowNumber,
      column: column ? { header: column.header, columnNumber: column.columnNumber } : null,
    };
  };
  for (const { definition, columnNumber, header } of prepared.mapping.mapped) {
    if (definition.exportOnly) continue;
    const cell = tableRow.cells[columnNumber - 1] ?? null;
    if (isBlank(cell)) {
      if (definition.required)
        problems.error('required_value_missing', where(definition.field), { column: header });
      values.set(definition.field, definition.blankValue ?? null);
      continue;
    }
    // The same check every form and JSON value passes at the portal's edge, here per cell.
    const textProblem = typeof cell === 'string' ? textFault(cell, 'multiline') : null;
    if (textProblem) {
      problems.error(`cell_${textProblem}`, where(definition.field), { column: header });
      values.set(definition.field, null);
      continue;
    }
    const parsed = faultProblem(cell) ?? definition.parser(cell!);
    if ('problem' in parsed) {
      problems.error(parsed.problem, where(definition.field), { column: header, ...parsed.params });
      values.set(definition.field, null);
    } else {
      values.set(definition.field, parsed.value);
    }
  }
  return {
    rowNumber: tableRow.rowNumber,
    has: (field) => values.has(field),
    value: <T>(field: string) => values.get(field) as T | null | undefined,
    problem: (field, code, params) => problems.error(code, where(field), params),
    warning: (field, code, params) => problems.warning(code, where(field), params),
  };
}
