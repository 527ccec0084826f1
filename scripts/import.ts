import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildImportTemplate } from '../services/exports/index.js';
import type { Locale } from '../services/i18n/index.js';
import {
  formatReportText,
  IMPORT_KINDS,
  type ImportKind,
  type ImportProgress,
  previewImport,
  runImport,
  wordedReport,
} from '../services/imports/index.js';
import { ValidationError } from '../services/shared/errors.js';
import { ProgressBar } from './progress-bar.js';
import { openConfiguredDatabase, runScript } from './script-runner.js';

const USAGE = `usage: npm run import -- --kind ${IMPORT_KINDS.join('|')} FILE [--dry-run] [--locale en] [--json]
       npm run import -- --template ${IMPORT_KINDS.join('|')} --out FILE.xlsx|FILE.csv [--locale en]`;

/** Below this many rows an import is over before a bar would be worth drawing. */
const PROGRESS_MIN_ROWS = 2_000;

function readKind(value: string | undefined, option: string): ImportKind {
  const kind = IMPORT_KINDS.find((known) => known === value);
  if (!kind) throw new ValidationError(`${option} must be one of ${IMPORT_KINDS.join(', ')}\n${USAGE}`);
  return kind;
}

/** One bar per phase (checking, writing), each finished when its phase is done. */
function progressBars(): (progress: ImportProgress) => void {
  let current: { phase: string; bar: ProgressBar | null } | null = null;
  return ({ phase, done, total }) => {
    if (total < PROGRESS_MIN_ROWS) return;
    if (current?.phase !== phase) current = { phase, bar: new ProgressBar(phase.padEnd(8), total) };
    if (done < total) return current.bar?.update(done);
    current.bar?.finish(done);
    current.bar = null;
  };
}

async function writeTemplate(kindName: string | undefined, out: string | undefined, locale: Locale) {
  const kind = readKind(kindName, '--template');
  if (!out) throw new ValidationError(`--template needs --out FILE\n${USAGE}`);
  const format = out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const file = await buildImportTemplate(kind, locale, format);
  await writeFile(out, file.body);
  process.stdout.write(`${out}\n`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      template: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      locale: { type: 'string', default: 'zh-CN' },
      json: { type: 'boolean', default: false },
    },
  });
  const locale: Locale = values.locale === 'en' ? 'en' : 'zh-CN';
  if (values.template !== undefined) return writeTemplate(values.template, values.out, locale);
  const kind = readKind(values.kind, '--kind');
  const path = positionals[0];
  if (!path || positionals.length > 1) throw new ValidationError(`give exactly one FILE to import\n${USAGE}`);
  const content = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new ValidationError(`cannot read ${path}: ${error.code ?? error.message}`);
  });
  const input = { kind, fileName: path, content };
  const options = { onProgress: progressBars(), actor: { userId: null, label: 'import (command line)' } };
  const { database } = await openConfiguredDatabase();
  try {
    const dryRun = values['dry-run'];
    const report = dryRun
      ? await previewImport(input, database.db, options)
      : (await runImport(input, database.db, options)).report;
    process.stdout.write(
      values.json
        ? `${JSON.stringify(wordedReport(report, locale), null, 2)}\n`
        : formatReportText(report, locale, dryRun),
    );
    if (!report.valid) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

runScript('import', main);
