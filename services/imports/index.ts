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
  type Locale,
  type PlannedChange,
} from './imports.types.js';
export { KINDS as IMPORT_KIND_DEFINITIONS } from './kinds/index.js';
export { formatReportText } from './report-text.js';
