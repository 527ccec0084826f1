import type { Database } from '../db/index.js';
import { translate } from '../i18n/index.js';
import { IMPORT_KIND_DEFINITIONS, type ImportKind, type Locale } from '../imports/index.js';
import { exportProjects } from '../projects/projects.export.js';
import type {
  ExportFile,
  ExportFormat,
  ExportListName,
  ExportOptions,
  ExportTable,
  ListExporter,
} from './exports.types.js';
import { exportCollaborations, exportQueue, exportServices } from './lists/brokering-lists.js';
import { pick } from './lists/labels.js';
import {
  exportDemands,
  exportEnterprises,
  exportFaculty,
  exportResults,
  exportTeams,
  rosterTable,
} from './lists/roster-lists.js';
import { exportStats } from './lists/stats-list.js';
import { CONTENT_TYPES, renderCsv, renderXlsx } from './render.js';

/** Every list and report the bureau can take away. A new report is one ListExporter added here. */
const EXPORTERS: Readonly<Record<ExportListName, ListExporter>> = {
  demands: exportDemands,
  queue: exportQueue,
  collaborations: exportCollaborations,
  services: exportServices,
  stats: exportStats,
  faculty: exportFaculty,
  teams: exportTeams,
  enterprises: exportEnterprises,
  results: exportResults,
  projects: (db, options) => exportProjects(db, options),
};

/** How many best matches the demands list shows per demand unless asked otherwise. */
export const DEFAULT_TOP_MATCHES = 3;

export interface ExportRequest {
  list: ExportListName;
  format: ExportFormat;
  locale?: Locale;
  topMatches?: number;
  now?: Date;
}

export async function exportList(request: ExportRequest, db: Database): Promise<ExportFile> {
  const options: ExportOptions = {
    locale: request.locale ?? 'zh-CN',
    now: request.now ?? new Date(),
    topMatches: request.topMatches ?? DEFAULT_TOP_MATCHES,
  };
  const table = await EXPORTERS[request.list](db, options);
  return fileOf(`xueqi-${request.list}-${options.now.toISOString().slice(0, 10)}`, request.format, [table]);
}

/**
 * The empty list people fill in: the import's own headers, and in the workbook a second sheet
 * saying what each column takes. The portal offers the same file.
 */
export async function buildImportTemplate(
  kind: ImportKind,
  locale: Locale = 'zh-CN',
  format: ExportFormat = 'xlsx',
): Promise<ExportFile> {
  const table = rosterTable(kind, locale, []);
  const guide = templateGuide(kind, locale);
  return fileOf(`xueqi-template-${kind}`, format, format === 'xlsx' ? [table, guide] : [table]);
}

function templateGuide(kind: ImportKind, locale: Locale): ExportTable {
  const definition = IMPORT_KIND_DEFINITIONS[kind];
  const h = (key: string) => translate(locale, key);
  return {
    sheetName: h('export.howToFillIn'),
    headers: [h('export.column'), h('export.required'), h('export.columnNotes'), h('export.alsoAccepted')],
    widths: [24, 10, 50, 60],
    rows: definition.columns
      .filter((column) => !column.exportOnly)
      .map((column) => [
        pick(locale, column.label),
        column.required ? h('export.requiredMark') : '',
        column.note ? pick(locale, column.note) : '',
        [pick(locale === 'en' ? 'zh-CN' : 'en', column.label), ...column.aliases].join('、'),
      ]),
  };
}

async function fileOf(baseName: string, format: ExportFormat, tables: ExportTable[]): Promise<ExportFile> {
  const body = format === 'xlsx' ? await renderXlsx(tables) : renderCsv(tables[0]!);
  return { fileName: `${baseName}.${format}`, contentType: CONTENT_TYPES[format], body };
}
