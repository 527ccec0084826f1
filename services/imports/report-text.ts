import type { ImportProblem, ImportReport, Locale } from './imports.types.js';

/** A command line prints this many problems of each kind; the rest are counted. */
const PROBLEMS_SHOWN = 200;

function place(problem: ImportProblem, locale: Locale): string {
  const parts = [problem.sheet];
  if (problem.row !== null) parts.push(locale === 'en' ? `row ${problem.row}` : `第 ${problem.row} 行`);
  if (problem.column) parts.push(`${problem.column.letter}「${problem.column.header}」`);
  return parts.join(' · ');
}

/** The report as plain text for a terminal: problems with their place, then what would change. */
export function formatReportText(report: ImportReport, locale: Locale, dryRun: boolean): string {
  const en = locale === 'en';
  const lines: string[] = [];
  const section = (title: string, problems: ImportProblem[]) => {
    if (problems.length === 0) return;
    lines.push(`${title} (${problems.length})`);
    for (const problem of problems.slice(0, PROBLEMS_SHOWN)) {
      lines.push(`  ${place(problem, locale)}: ${problem.message} [${problem.code}]`);
    }
    if (problems.length > PROBLEMS_SHOWN) {
      const more = problems.length - PROBLEMS_SHOWN;
      lines.push(en ? `  … and ${more} more` : `  …… 另有 ${more} 条`);
    }
  };
  lines.push(
    en
      ? `${report.fileName}${report.sheet ? ` (sheet ${report.sheet})` : ''}: ${report.rowsRead} rows read`
      : `${report.fileName}${report.sheet ? `（工作表 ${report.sheet}）` : ''}：读取 ${report.rowsRead} 行`,
  );
  section(en ? 'Errors' : '错误', report.errors);
  section(en ? 'Warnings' : '提醒', report.warnings);
  const { create, update, unchanged } = report.counts;
  if (!report.valid) {
    lines.push(
      en
        ? 'Nothing was written: fix the errors and import again.'
        : '未写入任何数据：请修正上述错误后重新导入。',
    );
  } else if (dryRun) {
    lines.push(
      en
        ? `Dry run: would create ${create}, update ${update}, leave ${unchanged} unchanged.`
        : `试运行：将新建 ${create} 条，更新 ${update} 条，${unchanged} 条无变化。`,
    );
  } else {
    lines.push(
      en
        ? `Imported: created ${create}, updated ${update}, ${unchanged} unchanged.`
        : `导入完成：新建 ${create} 条，更新 ${update} 条，${unchanged} 条无变化。`,
    );
  }
  return `${lines.join('\n')}\n`;
}
