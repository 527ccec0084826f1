export {
  buildImportTemplate,
  DEFAULT_TOP_MATCHES,
  type ExportRequest,
  exportList,
} from './exports.service.js';
export {
  EXPORT_FORMATS,
  EXPORT_LISTS,
  type ExportCell,
  type ExportFile,
  type ExportFormat,
  type ExportListName,
  type ExportOptions,
  type ExportTable,
  type ListExporter,
} from './exports.types.js';
export { CONTENT_TYPES, renderCsv, renderXlsx } from './render.js';
