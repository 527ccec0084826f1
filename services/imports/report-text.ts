import { type Locale, translate } from '../i18n/index.js';
import type { ImportProblem, ImportReport } from './imports.types.js';
import { wordProblem } from './messages.js';

/** A command line prints this many problems of each kind; the rest are counted. */
const PROBLEMS_SHOWN = 200;

function place(problem: ImportProblem, locale: Locale): string {
  const parts = [problem.sheet];
  if (problem.row !== null) parts.push(translate(locale, 'import.report.row', { row: problem.row }));
  if (problem.column) parts.push(`${problem.column.letter}「${problem.column.header}」`);
  return parts.join(' · ');
}

/** The report as plain text for a terminal: problems with their place, then what would change. */
export function formatReportText(report: ImportReport, locale: Locale, dryRun: boolean): string {
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);
  const lines: string[] = [];
  const section = (title: string, problems: ImportProblem[]) => {
    if (problems.length === 0) return;
    lines.push(`${title} (${problems.length})`);
    for (const problem of problems.slice(0, PROBLEMS_SHOWN)) {
      lines.push(`  ${place(problem, locale)}: ${wordProblem(problem, locale)} [${problem.code}]`);
    }
    if (problems.length > PROBLEMS_SHOWN) {
      lines.push(`  ${t('import.report.more', { count: problems.length - PROBLEMS_SHOWN })}`);
    }
  };
  lines.push(
    t(report.sheet ? 'import.report.readSheet' : 'import.report.read', {
      file: report.fileName,
      sheet: report.sheet,
      count: report.rowsRead,
    }),
  );
  section(t('import.report.errors'), report.errors);
  section(t('import.report.warnings'), report.warnings);
  const counts = report.counts;
  if (!report.valid) lines.push(t('import.report.nothingWritten'));
  else lines.push(t(dryRun ? 'import.report.dryRun' : 'import.report.imported', { ...counts }));
  return `${lines.join('\n')}\n`;
}

/**
 * The report for a machine reading the command line's `--json`: the problems as data and, beside
 * each, the sentence a person would read, so a script need not carry the catalogue.
 */
export function wordedReport(report: ImportReport, locale: Locale) {
  const worded = (problem: ImportProblem) => ({ ...problem, message: wordProblem(problem, locale) });
  return { ...report, errors: report.errors.map(worded), warnings: report.warnings.map(worded) };
}
