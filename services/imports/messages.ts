import { type Locale, type MessageParams, translate } from '../i18n/index.js';
import type { ImportProblem } from './imports.types.js';

/** Every problem an import can report; its wording is the catalogue's `import.problem.<code>`. */
export const PROBLEM_CODES = [
  'file_empty',
  'file_unreadable',
  'limit_uncompressedBytes',
  'limit_rowsPerSheet',
  'limit_cells',
  'limit_sharedStrings',
  'limit_xmlDepth',
  'limit_zipEntries',
  'file_too_complex',
  'import_busy',
  'file_legacy_xls',
  'encoding_unknown',
  'csv_unclosed_quote',
  'no_sheet_with_data',
  'sheet_not_named',
  'header_not_found',
  'looks_like_other_list',
  'required_column_missing',
  'unknown_column',
  'duplicate_column',
  'no_data_rows',
  'cell_control_character',
  'cell_unpaired_surrogate',
  'required_value_missing',
  'invalid_choice',
  'invalid_boolean',
  'invalid_integer',
  'invalid_date',
  'invalid_budget',
  'budget_order',
  'invalid_email',
  'invalid_phone',
  'too_long',
  'too_many_directions',
  'invalid_value',
  'formula_without_result',
  'cell_error',
  'unknown_university',
  'unknown_team',
  'unknown_enterprise',
  'unknown_faculty',
  'ambiguous_faculty',
  'chain_not_configured',
  'owner_missing',
  'leader_not_found',
  'duplicate_row',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The one size shown in megabytes; every other figure is the catalogue's to format. */
function shaped(code: ProblemCode, params: MessageParams): MessageParams {
  return code === 'limit_uncompressedBytes'
    ? { ...params, maxMegabytes: Math.round(Number(params.max) / 1024 / 1024) }
    : params;
}

/** A problem's sentence in the reader's language: the one place an import problem is worded. */
export function wordProblem(problem: Pick<ImportProblem, 'code' | 'params'>, locale: Locale): string {
  return translate(locale, `import.problem.${problem.code}`, shaped(problem.code, problem.params));
}
