import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, EXPORT_LISTS, exportList } from '../services/exports/index.js';
import { ValidationError } from '../services/shared/errors.js';
import { openConfiguredDatabase, runScript } from './script-runner.js';

const USAGE = `usage: npm run export -- --list ${EXPORT_LISTS.join('|')} --format xlsx|csv --out FILE [--locale en] [--top N]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      list: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      locale: { type: 'string', default: 'zh-CN' },
      top: { type: 'string' },
    },
  });
  const list = EXPORT_LISTS.find((known) => known === values.list);
  if (!list) throw new ValidationError(`--list must be one of ${EXPORT_LISTS.join(', ')}\n${USAGE}`);
  const out = values.out;
  if (!out) throw new ValidationError(`--out FILE is required\n${USAGE}`);
  // Without --format, the file's extension says which.
  const format = EXPORT_FORMATS.find(
    (known) => known === (values.format ?? out.split('.').pop()?.toLowerCase()),
  );
  if (!format) throw new ValidationError(`--format must be xlsx or csv\n${USAGE}`);
  const topMatches = values.top === undefined ? undefined : Number(values.top);
  if (topMatches !== undefined && !(Number.isInteger(topMatches) && topMatches > 0)) {
    throw new ValidationError(`--top must be a whole number above 0, got "${values.top}"`);
  }
  const { database } = await openConfiguredDatabase();
  try {
    const file = await exportList(
      { list, format, locale: values.locale === 'en' ? 'en' : 'zh-CN', topMatches },
      database.db,
    );
    await writeFile(out, file.body);
    process.stdout.write(`${out}\n`);
  } finally {
    await database.close();
  }
}

runScript('export', main);
