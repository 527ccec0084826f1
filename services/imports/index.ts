export type { Locale } from '../i18n/index.js';
export { previewImport, runImport } from './imports.service.js';
export {
  IMPORT_KINDS,
  type ImportInput,
  type ImportKind,
  type ImportOptions,
  type ImportOutcome,
  type ImportProblem,
  type ImportProgress,
  type ImportReport,
  type PlannedChange,
  type ProblemParams,
} from './imports.types.js';
export { KINDS as IMPORT_KIND_DEFINITIONS } from './kinds/index.js';
export { type ProblemCode, wordProblem } from './messages.js';
export { formatReportText, wordedReport } from './report-text.js';
