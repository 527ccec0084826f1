import { findHeader, type HeaderMapping, mapHeaders, tableFrom } from './header-mapping.js';
import type { ImportInput } from './imports.types.js';
import { KINDS, type KindDefinition } from './kinds/index.js';
import type { ProblemCollector } from './problem-collector.js';
import { readSource } from './read/read-source.js';
import { isBlank, type RawSheet, type Table } from './read/sheet.types.js';
import { normalizeHeader } from './text-normalization.js';

export interface PreparedTable {
  table: Table;
  mapping: HeaderMapping;
}

/**
 * Everything that needs only the file: its format and encoding, the sheet, the header and the column
 * mapping. Problems that make the rows unreadable are reported here, before any row is checked.
 */
export async function prepareTable(
  input: ImportInput,
  problems: ProblemCollector,
): Promise<PreparedTable | null> {
  const kind = KINDS[input.kind];
  problems.sheet = input.fileName;
  const source = await readSource(input.fileName, input.content);
  if (!source.ok) {
    problems.error(source.code, {}, source.params);
    return null;
  }
  const withData = source.sheets.filter((sheet) =>
    sheet.rows.some((row) => row?.some((cell) => !isBlank(cell))),
  );
  if (withData.length === 0) {
    problems.error(source.format === 'csv' ? 'file_empty' : 'no_sheet_with_data');
    return null;
  }
  const sheet = chooseSheet(kind, withData);
  problems.sheet = sheet.name;
  if (
    source.format === 'xlsx' &&
    !isNamedFor(kind, sheet) &&
    (withData.length > 1 || namedForAnother(kind, sheet))
  ) {
    problems.warning('sheet_not_named', {}, { expected: kind.sheetNames[0]!, used: sheet.name });
  }
  const layout = findHeader(sheet, kind);
  if (!layout) {
    problems.error('header_not_found', {}, { rows: 10, listZh: kind.list.zh, listEn: kind.list.en });
    reportLookalike(kind, sheet, problems);
    return null;
  }
  const mapping = mapHeaders(layout, kind);
  for (const missing of mapping.missingRequired) {
    problems.error(
      'required_column_missing',
      { row: layout.headerRowNumber },
      { columnZh: missing.label.zh, columnEn: missing.label.en },
    );
  }
  if (mapping.missingRequired.length > 0) {
    reportLookalike(kind, sheet, problems);
    return null;
  }
  for (const column of mapping.unknown) {
    problems.warning(
      'unknown_column',
      { row: layout.headerRowNumber, column: { header: column.text, columnNumber: column.columnNumber } },
      { column: column.text },
    );
  }
  for (const { column, first } of mapping.duplicates) {
    problems.warning(
      'duplicate_column',
      { row: layout.headerRowNumber, column: { header: column.text, columnNumber: column.columnNumber } },
      { column: column.text, first: first.header },
    );
  }
  const table = tableFrom(sheet, layout);
  if (table.rows.length === 0) {
    problems.error('no_data_rows', { row: layout.headerRowNumber });
    return null;
  }
  return { table, mapping };
}

function isNamedFor(kind: KindDefinition, sheet: RawSheet): boolean {
  const name = normalizeHeader(sheet.name);
  return [...kind.sheetNames, kind.list.zh, kind.list.en].some(
    (candidate) => normalizeHeader(candidate) === name,
  );
}

function namedForAnother(kind: KindDefinition, sheet: RawSheet): boolean {
  return Object.values(KINDS).some((other) => other !== kind && isNamedFor(other, sheet));
}

/**
 * The sheet named for the list; else the first whose header has every required column (an
 * instructions sheet often comes first); else the first that holds anything, to report on.
 */
function chooseSheet(kind: KindDefinition, sheets: RawSheet[]): RawSheet {
  const fits = (sheet: RawSheet) => {
    const layout = findHeader(sheet, kind);
    return layout !== null && mapHeaders(layout, kind).missingRequired.length === 0;
  };
  return sheets.find((sheet) => isNamedFor(kind, sheet)) ?? sheets.find(fits) ?? sheets[0]!;
}

/** When the columns fit another list completely, say so: the person most likely picked the wrong kind. */
function reportLookalike(kind: KindDefinition, sheet: RawSheet, problems: ProblemCollector): void {
  for (const other of Object.values(KINDS)) {
    if (other === kind) continue;
    const layout = findHeader(sheet, other);
    if (layout && mapHeaders(layout, other).missingRequired.length === 0) {
      problems.error(
        'looks_like_other_list',
        {},
        { otherZh: other.list.zh, otherEn: other.list.en, listZh: kind.list.zh, listEn: kind.list.en },
      );
      return;
    }
  }
}
