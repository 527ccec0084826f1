import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../services/db/index.js';
import { buildCsv, seedReferences, TEAM_ROWS_ZH } from '../services/imports/fixtures.test-support.js';

const TSX = path.resolve('node_modules/.bin/tsx');

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The commands run as a person runs them, on an on-disk PGlite in a folder of their own. Each run
 * starts Node, tsx and PGlite, a few seconds apiece, more on a busy machine: hence the long timeout.
 */
describe('the import and export commands', { timeout: 240_000 }, () => {
  let folder: string;
  const run = (script: string, args: string[]) =>
    new Promise<RunResult>((resolve) => {
      execFile(
        TSX,
        [`scripts/${script}.ts`, ...args],
        { env: { ...process.env, DATA_DIR: folder, DATABASE_URL: '' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const inFolder = (name: string) => path.join(folder, name);

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'xueqi-import-cli-'));
    const handle = await openDatabase({ driver: 'pglite', dataDir: path.join(folder, 'pglite') });
    await handle.migrate();
    await seedReferences(handle.db);
    await handle.close();
    await writeFile(inFolder('teams.csv'), buildCsv(TEAM_ROWS_ZH, 'gb18030'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('writes a template, which imports as "headers only"', async () => {
    const template = await run('import', ['--template', 'teams', '--out', inFolder('template.xlsx')]);
    expect(template.code).toBe(0);
    expect(existsSync(inFolder('template.xlsx'))).toBe(true);
    const imported = await run('import', ['--kind', 'teams', inFolder('template.xlsx'), '--locale', 'en']);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('The sheet has headers but no data rows [no_data_rows]');
  });

  it('dry-runs, then imports, then finds nothing left to change', async () => {
    const dryRun = await run('import', ['--kind', 'teams', inFolder('teams.csv'), '--dry-run']);
    expect(dryRun).toMatchObject({ code: 0 });
    expect(dryRun.stdout).toContain('试运行：将新建 3 条，更新 0 条，0 条无变化。');
    const imported = await run('import', ['--kind', 'teams', inFolder('teams.csv')]);
    expect(imported.stdout).toContain('导入完成：新建 3 条，更新 0 条，0 条无变化。');
    const again = await run('import', ['--kind', 'teams', inFolder('teams.csv'), '--json']);
    expect(JSON.parse(again.stdout).counts).toEqual({ create: 0, update: 0, unchanged: 3 });
  });

  it('exits 1 with the report when a row is invalid, writing nothing', async () => {
    await writeFile(
      inFolder('bad.csv'),
      buildCsv([TEAM_ROWS_ZH[0]!, ['威海职业学院', '新团队', '钓具', '', '']]),
    );
    const result = await run('import', ['--kind', 'teams', inFolder('bad.csv'), '--locale', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'row 2 · A「所属高校」: No university "威海职业学院" is known [unknown_university]',
    );
    expect(result.stdout).toContain('Nothing was written');
  });

  it('exports a list to the file asked for, the format taken from its name', async () => {
    const result = await run('export', ['--list', 'teams', '--out', inFolder('teams-out.csv')]);
    expect(result.code).toBe(0);
    const text = (await readFile(inFolder('teams-out.csv'))).toString('utf8');
    expect(text.startsWith('\uFEFF所属高校,团队名称,英文名称,创新链')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5);
  });

  it('refuses unknown options with one line and exit code 1', async () => {
    const result = await run('export', ['--list', 'everything', '--out', inFolder('x.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^export: --list must be one of demands, queue/);
  });
});
