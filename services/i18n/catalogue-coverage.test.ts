import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, isDefined } from './index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Files whose Chinese is vocabulary XueQi reads rather than says: the matcher's lexicons and the
 * words people write in spreadsheets (header aliases, sheet names, short forms of labels, yes/no).
 */
const VOCABULARY = [
  'matcher/domain-terms.ts',
  'matcher/thesaurus.ts',
  'matcher/generic-terms.ts',
  'matcher/stopwords.ts',
  'matcher/testing/',
  'services/imports/kinds/',
  'services/imports/field-parsers.ts',
  // The database's default city for an enterprise: a stored value, not a message.
  'services/db/schema/organisations.ts',
];

/** Where text may be written out: the catalogue, the demo city and the tests. */
function isExempt(path: string): boolean {
  return (
    path.startsWith('services/i18n/messages/') ||
    path.startsWith('seeds/') ||
    /\.test\.ts$|test-support\.ts$/.test(path) ||
    VOCABULARY.some((allowed) => path === allowed || (allowed.endsWith('/') && path.startsWith(allowed)))
  );
}

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|hbs)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const SOURCES = ['services', 'web', 'matcher'].flatMap(filesUnder);

/** Source without its comments: a comment may name a thing in Chinese, a string may not. */
function withoutComments(path: string): string {
  const text = readFileSync(join(ROOT, path), 'utf8');
  if (path.endsWith('.hbs')) return text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;,(){}])\/\/.*$/gm, '$1');
}

const HAN = /\p{Script=Han}/u;

describe('every string a person reads comes from the catalogue', () => {
  it('finds no Chinese in templates or code outside the catalogue, the demo data and the tests', () => {
    const found = SOURCES.filter((path) => !isExempt(path)).flatMap((path) =>
      withoutComments(path)
        .split('\n')
        .map((line, index) => ({ line, number: index + 1 }))
        .filter(({ line }) => HAN.test(line))
        .map(({ line, number }) => `${path}:${number}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('finds no hand-made bilingual pair ({ zh, en } literals) outside the catalogue', () => {
    const pair = /\{\s*zh:\s*['"`][^'"`]*\p{Script=Han}/u;
    const found = SOURCES.filter((path) => !isExempt(path) || path.startsWith('services/imports/kinds/'))
      .filter((path) => !path.startsWith('services/i18n/messages/') && !/\.test\.ts$/.test(path))
      .filter((path) => pair.test(withoutComments(path)));
    expect(found).toEqual([]);
  });

  it('defines every key the code and the templates name', () => {
    // A key is a dotted name whose first part is one of the catalogue's areas of keys.
    const prefixes = new Set(catalogueKeys('zh-CN').map((key) => key.split('.')[0]));
    const keys = catalogueKeys('zh-CN');
    const quoted = /['"`]([a-z][a-zA-Z]*\.[\w.-]*)(['"`]|\$\{)/g;
    const missing = new Set<string>();
    const code = SOURCES.filter((file) => !isExempt(file) || VOCABULARY.includes(file));
    for (const path of code) {
      const text = withoutComments(path);
      for (const match of text.matchAll(quoted)) {
        const name = match[1]!;
        if (!prefixes.has(name.split('.')[0]!) || /\.(js|ts|hbs|css|xlsx|csv)$/.test(name)) continue;
        // Audit actions ('demand.created') and HTML attributes look like keys and are not.
        const before = text.slice(Math.max(0, match.index - 60), match.index);
        if (/(action: [^,\n]*|AUDIT_\w+ = |=)$/.test(before)) continue;
        // A key built from parts (`notice.${kind}`, (concat "lists.action." action)) names a family.
        const isFamily = match[2] === '${' || name.endsWith('.');
        const known = isFamily
          ? keys.some((key) => key.startsWith(name))
          : isDefined('zh-CN', name) && isDefined('en', name);
        if (!known) missing.add(`${path}: ${name}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
