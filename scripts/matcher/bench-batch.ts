/**
 * `npm run match` against scikit-learn, side by side in one run:
 *
 *   npm run bench:match [-- --profiles 100000 --demands 1000 --top 10 --rounds 2]
 *
 * Generates mixed Chinese/English profiles and demands once into data/bench/ (bench-corpus.ts),
 * then runs, in alternating order each round, the whole `npm run match` process and the
 * reference `scripts/matcher/tfidf_reference.py` (TfidfVectorizer over words and character
 * bigrams, one sparse product), and prints the median wall time and peak memory of each and
 * their ratio. The reference runs only where python3 has scikit-learn (Debian: python3-sklearn).
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCorpusGenerator } from './bench-corpus.js';

const BENCH_FOLDER = join('data', 'bench');
const TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  /** User + system CPU seconds of the process and its threads: less at the mercy of a shared machine. */
  cpuSeconds: number | undefined;
  peakMegabytes: number | undefined;
}

async function writeLines(path: string, count: number, line: (index: number) => string): Promise<void> {
  if (existsSync(path)) return;
  const output = createWriteStream(`${path}.partial`);
  for (let index = 0; index < count; index++) {
    if (!output.write(`${line(index)}\n`)) await once(output, 'drain');
  }
  output.end();
  await once(output, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.partial`, path);
}

/** Runs a command to the end; wall time from here, peak resident memory from /usr/bin/time. */
function timed(command: string, args: string[]): Run {
  const measured = existsSync(TIME);
  const started = performance.now();
  const result = measured
    ? spawnSync(TIME, ['-f', 'peak-kb %M cpu %U %S', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const peak = /peak-kb (\d+) cpu ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  return {
    seconds,
    cpuSeconds: peak ? Number(peak[2]) + Number(peak[3]) : undefined,
    peakMegabytes: peak ? Number(peak[1]) / 1024 : undefined,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The first Python on offer with scikit-learn: PATH's python3 may be another install than Debian's. */
function pythonWithScikitLearn(): string | undefined {
  return ['python3', '/usr/bin/python3'].find(
    (python) => spawnSync(python, ['-c', 'import sklearn, scipy, numpy'], { stdio: 'ignore' }).status === 0,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profiles: { type: 'string', default: '100000' },
      demands: { type: 'string', default: '1000' },
      top: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      method: { type: 'string' },
    },
  });
  const profileCount = Number(values.profiles);
  const demandCount = Number(values.demands);
  const rounds = Number(values.rounds);
  for (const [name, value] of [
    ['--profiles', profileCount],
    ['--demands', demandCount],
    ['--rounds', rounds],
    ['--top', Number(values.top)],
  ] as const) {
    if (!(Number.isInteger(value) && value > 0)) throw new Error(`${name} must be a whole number above 0`);
  }
  mkdirSync(BENCH_FOLDER, { recursive: true });
  const generator = createCorpusGenerator();
  const profiles = join(BENCH_FOLDER, `batch-${profileCount}-profiles.jsonl`);
  const demands = join(BENCH_FOLDER, `batch-${demandCount}-demands.jsonl`);
  await writeLines(profiles, profileCount, (index) => JSON.stringify(generator.profile(index)));
  await writeLines(demands, demandCount, (index) => JSON.stringify(generator.demand(index)));
  const ours = join(BENCH_FOLDER, 'batch-ours.jsonl');
  const theirs = join(BENCH_FOLDER, 'batch-reference.jsonl');
  const method = values.method ? ['--method', values.method] : [];
  const runOurs = () =>
    timed(join('node_modules', '.bin', 'tsx'), [
      join('scripts', 'match.ts'),
      ...['--profiles', profiles, '--demands', demands, '--out', ours, '--top', values.top!],
      ...method,
    ]);
  const reference = pythonWithScikitLearn();
  const runReference = () =>
    timed(reference!, [
      join('scripts', 'matcher', 'tfidf_reference.py'),
      ...[profiles, demands, theirs, '--top', values.top!],
    ]);
  if (!reference) console.log('(python3 with scikit-learn not found: the reference is skipped)');
  const results = { ours: [] as Run[], reference: [] as Run[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['ours', 'reference'] as const) : (['reference', 'ours'] as const);
    for (const side of order) {
      if (side === 'reference' && !reference) continue;
      const run = side === 'ours' ? runOurs() : runReference();
      results[side].push(run);
      const peak =
        run.peakMegabytes === undefined
          ? ''
          : `, CPU ${run.cpuSeconds!.toFixed(1)} s, peak ${run.peakMegabytes.toFixed(0)} MB`;
      console.log(`round ${round + 1} ${side}: ${run.seconds.toFixed(1)} s${peak}`);
    }
  }
  console.log(
    `\n${profileCount} profiles × ${demandCount} demands, top ${values.top}, ${rounds} rounds (medians)`,
  );
  console.log('| pipeline | wall time | CPU time (user + system) | peak memory |');
  console.log('| --- | --- | --- | --- |');
  for (const side of ['ours', 'reference'] as const) {
    const runs = results[side];
    if (runs.length === 0) continue;
    const peaks = runs.flatMap((run) => (run.peakMegabytes === undefined ? [] : [run.peakMegabytes]));
    const cpu = runs.flatMap((run) => (run.cpuSeconds === undefined ? [] : [run.cpuSeconds]));
    const name =
      side === 'ours'
        ? `npm run match${values.method ? ` --method ${values.method}` : ''}`
        : 'scikit-learn TfidfVectorizer + sparse product';
    console.log(
      `| ${name} | ${median(runs.map((run) => run.seconds)).toFixed(1)} s | ${cpu.length ? `${median(cpu).toFixed(1)} s` : '–'} | ${peaks.length ? `${median(peaks).toFixed(0)} MB` : '–'} |`,
    );
  }
  if (results.reference.length) {
    const ratio =
      median(results.ours.map((run) => run.seconds)) / median(results.reference.map((run) => run.seconds));
    console.log(`ratio ours / reference, wall time: ${ratio.toFixed(2)}`);
    const cpu = (runs: Run[]) =>
      runs.flatMap((run) => (run.cpuSeconds === undefined ? [] : [run.cpuSeconds]));
    if (cpu(results.ours).length && cpu(results.reference).length)
      console.log(
        `ratio ours / reference, CPU time: ${(median(cpu(results.ours)) / median(cpu(results.reference))).toFixed(2)}`,
      );
  }
  rmSync(ours, { force: true });
  rmSync(theirs, { force: true });
}

main().catch((error: Error) => {
  console.error(`bench:match: ${error.message}`);
  process.exit(1);
});
