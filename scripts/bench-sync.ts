import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { DEMO_ACCOUNTS, seedCityIfEmpty } from '../seeds/index.js';
import { type DatabaseHandle, openDatabase } from '../services/db/index.js';
import { createDemand } from '../services/demands/index.js';
import { MatchingService, SuggestionWorker } from '../services/matching/index.js';
import { authenticate, type User } from '../services/users/index.js';
import { runScript } from './script-runner.js';

/**
 * Two processes on one PostgreSQL server, as two web processes behind a load balancer: this one
 * writes demands through the demands service (its own index following the feed, as a web process
 * would); a child process follows the feed and records when its index first ranks each new demand
 * for the city's carbon-fibre team. Mid-run, every listening connection of the database is
 * terminated; the child must catch up and lose nothing.
 * Goal: median delay < 200 ms, p99 < 1 s, zero lost.
 */
const GOAL_MEDIAN_MS = 200;
const GOAL_P99_MS = 1_000;
/** How long to wait for the last writes to be ranked before counting the rest as lost. */
const SETTLE_MS = 30_000;

type ReaderMessage =
  | { type: 'ready' }
  | { type: 'applied'; ids: number[]; at: number }
  | { type: 'ranked'; ids: number[]; at: number }
  | { type: 'caughtUp'; relistenedAt: number; caughtUpAt: number };
type WriterMessage =
  | { type: 'written'; id: number; code: string }
  | { type: 'cut'; at: number; position: number }
  | { type: 'stop' };

/** Texts the written demands take in turn, so the index's term weights stay those of a varied city. */
const DESCRIPTIONS = [
  '碳纤维复合材料热压罐固化周期缩短与孔隙率控制。',
  '船体分段焊接变形预测与矫正工艺。',
  '锂电池正极材料循环寿命提升。',
  '海参胶原蛋白肽的酶解制备与纯化。',
  '专用汽车底盘轻量化与疲劳寿命评估。',
  '嵌入式系统国产化适配与安全加固。',
  '医用导管材料的生物相容性改进。',
  '钓竿碳纤维预浸料的铺层设计优化。',
];

const now = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function demoAccount(role: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo ${role} account`);
  return account;
}

async function logIn(database: DatabaseHandle, role: string): Promise<User> {
  const account = demoAccount(role);
  const outcome = await authenticate(database.db, account.email, account.password);
  if (!outcome.ok) throw new Error(`cannot log in as the demo ${role}`);
  return outcome.user;
}

/**
 * The child: follows the feed. It reports when its index applied each new demand (from then on
 * every ranking it answers includes it) and when its public search, asked for the code that only
 * that demand carries, first found it: the same question a visitor's page asks this process.
 */
async function runReader(url: string): Promise<void> {
  const send = (message: ReaderMessage) => process.send?.(message);
  const database = await openDatabase({ driver: 'postgres', url });
  const matching = await MatchingService.start(database);
  // Sampled from the start: the cut may be over before the writer's message about it arrives.
  let listenLostAt = 0;
  const sampler = setInterval(() => {
    if (listenLostAt === 0 && !matching.listening) listenLostAt = now();
  }, 2);
  sampler.unref();
  /** Demands written and not yet found, by the code in their text. */
  const pending = new Map<number, string>();
  let checking: Promise<void> | null = null;
  let checkAgain = false;
  const check = async () => {
    do {
      checkAgain = false;
      const found: number[] = [];
      // Nine deep, as far as the public search used to look for three demands.
      for (const [id, code] of pending)
        if ((await matching.searchIds(code, 'demand', 9)).some((hit) => hit.id === id)) found.push(id);
      const at = now();
      for (const id of found) pending.delete(id);
      if (found.length > 0) send({ type: 'ranked', ids: found, at });
    } while (checkAgain);
  };
  const checkSoon = () => {
    if (checking) {
      checkAgain = true;
      return;
    }
    checking = check()
      .catch((error: unknown) => {
        process.stderr.write(`search check failed: ${String(error)}\n`);
      })
      .finally(() => (checking = null));
  };
  matching.onApplied((applied) => {
    const at = now();
    const ids = applied.changes
      .filter((change) => change.entity === 'demand')
      .flatMap((change) => change.ids);
    if (ids.length > 0) send({ type: 'applied', ids, at });
    checkSoon();
  });
  process.on('message', (message: WriterMessage) => {
    if (message.type === 'written') {
      pending.set(message.id, message.code);
      checkSoon();
      return;
    }
    if (message.type === 'stop') {
      void Promise.resolve(checking)
        .then(() => matching.stop())
        .then(() => database.close())
        .then(() => process.exit(0));
      return;
    }
    // After the cut: when this process listens again, and when it has applied every change written.
    let relistenedAt = 0;
    const watch = setInterval(async () => {
      if (relistenedAt === 0 && matching.listening && listenLostAt > 0) relistenedAt = now();
      if (relistenedAt > 0 && matching.position >= message.position) {
        clearInterval(watch);
        send({ type: 'caughtUp', relistenedAt, caughtUpAt: now() });
      }
    }, 2);
  });
  send({ type: 'ready' });
}

/** How many of these demands the queue holds suggested pairs for, once the worker has caught up. */
async function countSuggestedDemands(database: DatabaseHandle, demandIds: number[]): Promise<number> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const result = (await database.db.execute(
      sql`select count(distinct demand_id)::int as value from match_candidates where demand_id = any(${`{${demandIds.join(',')}}`}::int[])`,
    )) as unknown as { rows: { value: number }[] };
    const value = Number(result.rows[0]?.value ?? 0);
    if (value === demandIds.length || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `xueqi_bench_sync_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

function startReader(url: string): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--reader', url], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the reader exited with ${code} before it was ready`)));
    child.on('message', (message: ReaderMessage) => {
      if (message.type === 'ready') {
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
  });
}

async function runWriter(): Promise<void> {
  const { values } = parseArgs({
    options: { writes: { type: 'string', default: '1000' }, cut: { type: 'string' } },
  });
  const writes = Number(values.writes);
  if (!Number.isInteger(writes) || writes < 10)
    throw new Error('--writes must be a whole number of at least 10');
  const cutAt = values.cut === undefined ? Math.floor(writes / 2) : Number(values.cut);
  const serverUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl?.startsWith('postgres'))
    throw new Error(
      'set TEST_DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server: the benchmark needs two processes on one',
    );

  const bench = await createBenchDatabase(serverUrl);
  const database = await openDatabase({ driver: 'postgres', url: bench.url });
  let reader: ChildProcess | null = null;
  try {
    await database.migrate();
    process.stdout.write('seeding the demo city into a fresh database…\n');
    await seedCityIfEmpty(database.db);
    const matching = await MatchingService.start(database);
    // As in a web process: the suggestion worker runs beside the index and loads the database too.
    const worker = SuggestionWorker.start(database, matching);
    const enterprise = await logIn(database, 'enterprise');
    reader = await startReader(bench.url);

    const writtenAt = new Map<number, number>();
    const appliedAt = new Map<number, number>();
    const rankedAt = new Map<number, number>();
    let caughtUp: { relistenedAt: number; caughtUpAt: number } | null = null;
    reader.on('message', (message: ReaderMessage) => {
      if (message.type === 'applied')
        for (const id of message.ids) if (!appliedAt.has(id)) appliedAt.set(id, message.at);
      if (message.type === 'ranked')
        for (const id of message.ids) if (!rankedAt.has(id)) rankedAt.set(id, message.at);
      if (message.type === 'caughtUp') caughtUp = message;
    });

    let cutTime = 0;
    let duringCut: number[] = [];
    const started = now();
    for (let index = 0; index < writes; index++) {
      if (index === cutAt) {
        const result = (await database.db.execute(
          sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'xueqi listener'`,
        )) as unknown as { rows: unknown[] };
        cutTime = now();
        process.stdout.write(
          `terminated ${result.rows.length} listening connections after ${index} writes\n`,
        );
        duringCut = [];
      }
      const code = `syncq${index + 1}x`;
      const at = now();
      const demand = await createDemand(
        { db: database.db, matching },
        enterprise,
        {
          title: `同步基准需求 ${index + 1}`,
          description: `${DESCRIPTIONS[index % DESCRIPTIONS.length]} 批次 ${code}`,
          chainCode: 'carbon_fiber',
          demandClass: 'chain',
          visibility: 'public',
        },
        'publish',
      );
      writtenAt.set(demand.id, at);
      reader.send({ type: 'written', id: demand.id, code } satisfies WriterMessage);
      if (cutTime > 0 && !caughtUp) duringCut.push(demand.id);
      if (index === cutAt)
        reader.send({ type: 'cut', at: cutTime, position: matching.position } satisfies WriterMessage);
    }
    const writeSeconds = (now() - started) / 1000;
    const deadline = Date.now() + SETTLE_MS;
    while (
      Date.now() < deadline &&
      [...writtenAt.keys()].some((id) => !rankedAt.has(id) || !appliedAt.has(id))
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    while (Date.now() < deadline && !caughtUp) await new Promise((resolve) => setTimeout(resolve, 20));

    const delaysUntil = (seen: Map<number, number>) =>
      [...writtenAt]
        .flatMap(([id, at]) => (seen.has(id) ? [seen.get(id)! - at] : []))
        .sort((left, right) => left - right);
    const delays = delaysUntil(appliedAt);
    const observed = delaysUntil(rankedAt);
    const lost = writtenAt.size - Math.min(delays.length, observed.length);
    const outage = duringCut.flatMap((id) =>
      appliedAt.has(id) ? [appliedAt.get(id)! - writtenAt.get(id)!] : [],
    );
    const median = percentile(delays, 0.5);
    const p99 = percentile(delays, 0.99);
    const suggested = await countSuggestedDemands(database, [...writtenAt.keys()]);
    const report = caughtUp as { relistenedAt: number; caughtUpAt: number } | null;
    const lines = [
      `writes: ${writtenAt.size} demands in ${writeSeconds.toFixed(1)} s (${(writtenAt.size / writeSeconds).toFixed(0)}/s), each through createDemand`,
      `delay until the other process's index holds a write (it ranks it from then on): median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${delays.at(-1)?.toFixed(1)} ms`,
      `delay until its public search found it (asked after each applied step): median ${percentile(observed, 0.5).toFixed(1)} ms, p99 ${percentile(observed, 0.99).toFixed(1)} ms`,
      `listener terminated after ${cutAt} writes: the other process listened again after ${report ? (report.relistenedAt - cutTime).toFixed(0) : '—'} ms and had applied every change after ${report ? (report.caughtUpAt - cutTime).toFixed(0) : '—'} ms`,
      `writes made while it was not listening: ${duringCut.length}, ranked after at most ${outage.length ? Math.max(...outage).toFixed(1) : '—'} ms`,
      `lost (never ranked within ${SETTLE_MS / 1000} s): ${lost} (applied: ${appliedAt.size}, seen ranked: ${rankedAt.size})`,
      `demands with suggested pairs in the queue (the writer's suggestion worker): ${suggested} of ${writtenAt.size}`,
      `goal: median < ${GOAL_MEDIAN_MS} ms ${median < GOAL_MEDIAN_MS ? 'met' : 'MISSED'}, p99 < ${GOAL_P99_MS} ms ${p99 < GOAL_P99_MS ? 'met' : 'MISSED'}, zero lost ${lost === 0 ? 'met' : 'MISSED'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    reader.send({ type: 'stop' } satisfies WriterMessage);
    await new Promise((resolve) => reader!.once('exit', resolve));
    reader = null;
    await worker.stop();
    await matching.stop();
    if (lost > 0 || median >= GOAL_MEDIAN_MS || p99 >= GOAL_P99_MS) process.exitCode = 1;
  } finally {
    reader?.kill();
    await database.close();
    await bench.drop();
  }
}

if (process.argv[2] === '--reader') {
  runScript('bench:sync reader', () => runReader(process.argv[3]!));
} else {
  runScript('bench:sync', runWriter);
}
