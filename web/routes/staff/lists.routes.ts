import { type Request, Router } from 'express';
import { actorOf } from '../../../services/audit/index.js';
import {
  buildImportTemplate,
  EXPORT_FORMATS,
  EXPORT_LISTS,
  type ExportFormat,
  exportList,
} from '../../../services/exports/index.js';
import type { Locale } from '../../../services/i18n/index.js';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportOutcome,
  previewImport,
  runImport,
  wordProblem,
} from '../../../services/imports/index.js';
import { ValidationError } from '../../../services/shared/errors.js';
import { MAX_UPLOAD_BYTES } from '../../uploads.js';
import type { RouteDependencies } from '../route-dependencies.js';
import { sendFile } from './send-file.js';

const isImportKind = (value: unknown): value is ImportKind =>
  (IMPORT_KINDS as readonly unknown[]).includes(value);
const isExportList = (value: unknown): value is (typeof EXPORT_LISTS)[number] =>
  (EXPORT_LISTS as readonly unknown[]).includes(value);
const formatOf = (value: unknown): ExportFormat =>
  (EXPORT_FORMATS as readonly unknown[]).includes(value) ? (value as ExportFormat) : 'xlsx';

function listsPage(request: Request, extra: Record<string, unknown> = {}) {
  return {
    title: request.t('nav.imports'),
    kinds: IMPORT_KINDS.map((kind) => ({
      value: kind,
      label: request.t(`lists.kind.${kind}`),
      selected: extra.kind === kind,
    })),
    exports: EXPORT_LISTS.map((list) => ({ value: list, label: request.t(`lists.export.${list}`) })),
    maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
    ...extra,
  };
}

/** The report as the page shows it: problems first, then what would change (the first 200 rows). */
function reportView(outcome: ImportOutcome, dryRun: boolean, locale: Locale) {
  const { report } = outcome;
  return {
    report,
    dryRun,
    committed: outcome.committed,
    problems: [...report.errors, ...report.warnings]
      .slice(0, 500)
      .map((problem) => ({ ...problem, message: wordProblem(problem, locale) })),
    moreProblems: Math.max(0, report.errors.length + report.warnings.length - 500),
    changes: report.changes.slice(0, 200).map((change) => ({
      ...change,
      fields: Object.entries(change.changes ?? {}).map(([field, values]) => ({
        field,
        before: values.before === null || values.before === undefined ? '' : String(values.before),
        after: values.after === null || values.after === undefined ? '' : String(values.after),
      })),
    })),
    moreChanges: Math.max(0, report.changes.length - 200),
  };
}

/** The bureau's spreadsheets in and out: staff upload a list, read the report, then import it. */
export function listRoutes({ db }: RouteDependencies): Router {
  const router = Router();

  router.get('/staff/lists', (request, response) => {
    response.render('pages/staff/lists', listsPage(request));
  });

  router.post('/staff/lists/import', async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const kind = body.kind;
    const dryRun = body.mode !== 'import';
    const errors: Record<string, string> = {};
    if (!isImportKind(kind)) errors.kind = 'validation.choose';
    if (!request.file || request.file.size === 0) errors.file = 'lists.chooseFile';
    if (!isImportKind(kind) || !request.file || request.file.size === 0) {
      return response.status(400).render('pages/staff/lists', listsPage(request, { errors, kind }));
    }
    const input = {
      kind,
      fileName: request.file.originalname,
      content: request.file.buffer,
    };
    const outcome = dryRun
      ? { report: await previewImport(input, db), committed: false }
      : await runImport(input, db, { actor: actorOf(request.user) });
    response
      .status(outcome.report.valid ? 200 : 422)
      .render(
        'pages/staff/lists',
        listsPage(request, { kind, ...reportView(outcome, dryRun, request.locale) }),
      );
  });

  router.get('/staff/lists/template', async (request, response) => {
    const kind = request.query.kind;
    if (!isImportKind(kind)) throw new ValidationError('unknown list', { kind: 'validation.choose' });
    sendFile(response, await buildImportTemplate(kind, request.locale, formatOf(request.query.format)));
  });

  router.get('/staff/lists/export', async (request, response) => {
    const list = request.query.list;
    if (!isExportList(list)) throw new ValidationError('unknown list', { list: 'validation.choose' });
    sendFile(
      response,
      await exportList({ list, format: formatOf(request.query.format), locale: request.locale }, db),
    );
  });

  return router;
}
