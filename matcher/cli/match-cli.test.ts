import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs the CLI as npm would; async so that the tests of this file can run side by side. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['scripts/match.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function files(lines: Record<string, string[]>): string {
  const directory = mkdtempSync(join(tmpdir(), 'match-cli-'));
  for (const [name, content] of Object.entries(lines))
    writeFileSync(join(directory, name), `${content.join('\n')}\n`);
  return directory;
}

const PROFILES = [
  JSON.stringify({
    id: 'cf',
    text: '碳纤维复合材料成型与树脂固化',
    works: [{ title: '预浸料快速固化方法', text: '环氧树脂', year: 2021 }],
  }),
  JSON.stringify({ id: 'ship', text: 'Ship welding distortion and fatigue of welded joints' }),
  '',
  JSON.stringify({ id: 'bio', text: '海参胶原蛋白肽酶解制备' }),
];
const DEMANDS = [
  JSON.stringify({ id: 'd1', text: '碳纤维部件固化周期太长' }),
  JSON.stringify({ id: 'd2', text: '船体焊接变形 welding distortion' }),
];

describe.concurrent('npm run match', () => {
  it('writes every pair without --top, profiles in input order, with terms', async () => {
    const directory = files({ 'p.jsonl': PROFILES, 'd.jsonl': DEMANDS });
    const out = join(directory, 's.jsonl');
    const result = await run([
      '--profiles',
      join(directory, 'p.jsonl'),
      '--demands',
      join(directory, 'd.jsonl'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => `${line.demand}/${line.profile}`)).toEqual([
      'd1/cf',
      'd1/ship',
      'd1/bio',
      'd2/cf',
      'd2/ship',
      'd2/bio',
    ]);
    expect(lines[0].score).toBeGreaterThan(0);
    expect(lines[0].terms.map((term: [string, number]) => term[0])).toContain('碳纤维');
    expect(lines[1]).toEqual({ profile: 'ship', demand: 'd1', score: 0, terms: [] });
  });

  it('writes the best K profiles per demand with --top, and honours --method', async () => {
    const directory = files({ 'p.jsonl': PROFILES, 'd.jsonl': DEMANDS });
    const out = join(directory, 's.jsonl');
    const args = [
      '--profiles',
      join(directory, 'p.jsonl'),
      '--demands',
      join(directory, 'd.jsonl'),
      '--out',
      out,
    ];
    const result = await run([...args, '--top', '1', '--method', 'bm25']);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => `${line.demand}/${line.profile}`)).toEqual(['d1/cf', 'd2/ship']);
  });

  it('reports a malformed profile line with its file and line number, and writes nothing', async () => {
    const directory = files({ 'p.jsonl': [PROFILES[0]!, '{"id": "x", "text": 5}'], 'd.jsonl': DEMANDS });
    const out = join(directory, 's.jsonl');
    const result = await run([
      '--profiles',
      join(directory, 'p.jsonl'),
      '--demands',
      join(directory, 'd.jsonl'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`match: ${join(directory, 'p.jsonl')}:2: "text" must be a string`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(directory).sort()).toEqual(['d.jsonl', 'p.jsonl']);
  });

  it('reports invalid JSON in the demands and a duplicate profile id', async () => {
    const directory = files({ 'p.jsonl': [PROFILES[0]!, PROFILES[0]!], 'd.jsonl': [DEMANDS[0]!, '{oops'] });
    const args = ['--demands', join(directory, 'd.jsonl'), '--out', join(directory, 's.jsonl')];
    const badDemands = await run(['--profiles', join(directory, 'p.jsonl'), ...args]);
    expect(badDemands.code).toBe(1);
    expect(badDemands.stderr).toContain('d.jsonl:2: not valid JSON');
    writeFileSync(join(directory, 'd.jsonl'), `${DEMANDS[0]}\n`);
    const duplicate = await run(['--profiles', join(directory, 'p.jsonl'), ...args]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe(`match: ${join(directory, 'p.jsonl')}:2: duplicate id cf`);
    expect(existsSync(join(directory, 's.jsonl'))).toBe(false);
  });

  it('rejects bad arguments with one line and no stack trace', async () => {
    const directory = files({ 'p.jsonl': PROFILES, 'd.jsonl': DEMANDS });
    const base = ['--profiles', join(directory, 'p.jsonl'), '--demands', join(directory, 'd.jsonl')];
    for (const [args, message] of [
      [base, '--out is required'],
      [[...base, '--out', join(directory, 's.jsonl'), '--method', 'magic'], '--method must be one of'],
    ] as const) {
      const result = await run([...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('reads files that start with a UTF-8 byte-order mark', async () => {
    const plain = files({ 'p.jsonl': PROFILES, 'd.jsonl': DEMANDS });
    const marked = files({
      'p.jsonl': [`\uFEFF${PROFILES[0]}`, ...PROFILES.slice(1)],
      'd.jsonl': [`\uFEFF${DEMANDS[0]}`, ...DEMANDS.slice(1)],
    });
    for (const directory of [plain, marked]) {
      const args = ['--profiles', 'p.jsonl', '--demands', 'd.jsonl', '--out', 's.jsonl'].map((arg) =>
        arg.endsWith('.jsonl') ? join(directory, arg) : arg,
      );
      expect((await run(args)).code).toBe(0);
    }
    expect(readFileSync(join(marked, 's.jsonl'), 'utf8')).toBe(readFileSync(join(plain, 's.jsonl'), 'utf8'));
  });

  it('analyses in worker threads with the same result as on the main thread', async () => {
    const directory = files({ 'p.jsonl': PROFILES, 'd.jsonl': DEMANDS });
    const args = ['--profiles', join(directory, 'p.jsonl'), '--demands', join(directory, 'd.jsonl')];
    expect((await run([...args, '--out', join(directory, 'a.jsonl'), '--workers', '0'])).code).toBe(0);
    expect((await run([...args, '--out', join(directory, 'b.jsonl'), '--workers', '2'])).code).toBe(0);
    expect(readFileSync(join(directory, 'b.jsonl'), 'utf8')).toBe(
      readFileSync(join(directory, 'a.jsonl'), 'utf8'),
    );
  });

  it('ranks the demands of --top in worker threads too, with the same output in demand order', async () => {
    const demands = [...DEMANDS, JSON.stringify({ id: 'd3', text: '胶原蛋白肽 welded joints 固化' })];
    const directory = files({ 'p.jsonl': PROFILES, 'd.jsonl': demands });
    const args = [
      '--profiles',
      join(directory, 'p.jsonl'),
      '--demands',
      join(directory, 'd.jsonl'),
      '--top',
      '2',
    ];
    expect((await run([...args, '--out', join(directory, 'a.jsonl'), '--workers', '0'])).code).toBe(0);
    expect((await run([...args, '--out', join(directory, 'b.jsonl'), '--workers', '3'])).code).toBe(0);
    const parallel = readFileSync(join(directory, 'b.jsonl'), 'utf8');
    expect(parallel).toBe(readFileSync(join(directory, 'a.jsonl'), 'utf8'));
    const order = parallel
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line).demand);
    expect([...new Set(order)]).toEqual(['d1', 'd2', 'd3']);
  });
});
