import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import request from 'supertest';
import { DEMO_ACCOUNTS } from '../seeds/index.js';
import { loadConfig } from '../services/config.js';
import { type DatabaseTarget, openDatabase, refreshPlannerStatistics, schema } from '../services/db/index.js';
import { createApp } from '../web/app.js';
import { prepareDemoCity } from './demo-city.js';
import { runScript } from './script-runner.js';

/**
 * The staff queue at the bureau's scale: the demo city topped up to 10,000 candidate pairs, then
 * pages of the queue fetched as a staff member. Prints the HTML size and the server's own time per
 * request (the duration the app logs), median and worst, against the targets of < 60 KB and < 150 ms.
 *
 *   npm run bench:queue                       # embedded PGlite in memory
 *   npm run bench:queue -- --url postgres://postgres@127.0.0.1:5432/bench_queue   # an empty database
 */
const TARGET_KB = 60;
const TARGET_MS = 150;

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '10000' },
    url: { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});
const PAIRS = Number(values.pairs);
const ROUNDS = Number(values.rounds);

/** Enough extra pairs, spread over every published demand and faculty member, to reach the target. */
async function topUpPairs(db: Awaited<ReturnType<typeof openDatabase>>['db'], target: number) {
  const existing = await db
    .select({
      demandId: schema.matchCandidates.demandId,
      facultyId: schema.matchCandidates.facultyId,
      teamId: schema.matchCandidates.teamId,
    })
    .from(schema.matchCandidates);
  const taken = new Set(
    existing.map((pair) => `${pair.demandId}:${pair.teamId ?? ''}:${pair.facultyId ?? ''}`),
  );
  const demandIds = (await db.select({ id: schema.demands.id }).from(schema.demands)).map((row) => row.id);
  const facultyIds = (await db.select({ id: schema.faculty.id }).from(schema.faculty)).map((row) => row.id);
  const rows: (typeof schema.matchCandidates.$inferInsert)[] = [];
  let step = 0;
  for (let index = 0; existing.length + rows.length < target; index++) {
    const demandId = demandIds[index % demandIds.length]!;
    const facultyId = facultyIds[(index * 7919) % facultyIds.length]!;
    if (taken.has(`${demandId}::${facultyId}`)) continue;
    taken.add(`${demandId}::${facultyId}`);
    step += 1;
    rows.push({
      demandId,
      facultyId,
      score: ((step * 37) % 900) / 1000 + 0.05,
      explanation: {
        terms: [
          ['碳纤维', 0.41],
          ['固化', 0.33],
          ['复合材料', 0.16],
          ['工艺', 0.1],
        ],
        evidence: { title: '一种碳纤维预浸料快速固化方法', year: 2021, kind: 'patent' },
      },
      status: step % 10 === 0 ? 'shortlisted' : 'suggested',
      enterpriseInterested: step % 17 === 0,
      profileInterested: step % 23 === 0,
    });
  }
  for (let start = 0; start < rows.length; start += 1000)
    await db
      .insert(schema.matchCandidates)
      .values(rows.slice(start, start + 1000))
      .onConflictDoNothing();
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
};

runScript('bench:queue', async () => {
  const target: DatabaseTarget = values.url
    ? { driver: 'postgres', url: values.url }
    : { driver: 'pglite', dataDir: null };
  const database = await openDatabase(target);
  await database.migrate();
  const { matching } = await prepareDemoCity(database);
  await topUpPairs(database.db, PAIRS);
  // What a server's autovacuum does after a bulk insert (the demo's start-up does it on PGlite).
  await refreshPlannerStatistics(database.db);
  const [{ count } = { count: 0 }] = (
    (await database.db.execute(`select count(*)::int as count from match_candidates`)) as unknown as {
      rows: { count: number }[];
    }
  ).rows;

  // The app's own request log carries the server time of each request; read it back from there.
  const durations = new Map<string, number[]>();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { msg?: string; url?: string; durationMs?: number };
        if (entry.msg === 'request' && entry.url && entry.durationMs !== undefined)
          durations.set(entry.url, [...(durations.get(entry.url) ?? []), entry.durationMs]);
      }
      done();
    },
  });
  const app = createApp({
    config: loadConfig({}),
    database,
    matching,
    logger: pino({ level: 'info' }, sink),
  });
  const staff = DEMO_ACCOUNTS.find((account) => account.role === 'staff')!;
  const agent = request.agent(app.express);
  const login = await agent.get('/login');
  const token = /name="_csrf" value="([^"]+)"/.exec(login.text)![1];
  await agent
    .post('/login')
    .type('form')
    .send({ email: staff.email, password: staff.password, _csrf: token });

  const views = [
    '/staff/queue?chain=all',
    '/staff/queue?chain=all&page=2',
    '/staff/queue?chain=all&page=100',
    '/staff/queue?chain=all&sort=score&page=40',
    '/staff/queue?chain=all&sort=waiting&page=7',
    '/staff/queue?chain=all&minScore=50&page=3',
    '/staff/queue?chain=all&q=%E7%A2%B3%E7%BA%A4%E7%BB%B4',
    '/staff/queue',
  ];
  const sizes = new Map<string, number>();
  for (let round = 0; round <= ROUNDS; round++)
    for (const view of views) {
      const response = await agent.get(view).expect(200);
      sizes.set(view, Buffer.byteLength(response.text));
      // The first round warms the caches and the JIT; it is not counted.
      if (round === 0) durations.delete(view);
    }
  process.stdout.write(`pairs in match_candidates: ${count} (driver ${database.driver})\n`);
  process.stdout.write(
    'view                                              rows  KB     median ms  worst ms\n',
  );
  let worstKb = 0;
  let worstMedian = 0;
  for (const view of views) {
    const html = (await agent.get(view)).text;
    const rows = (html.match(/<tr id="pair-/g) ?? []).length;
    const kb = sizes.get(view)! / 1024;
    const times = durations.get(view) ?? [];
    worstKb = Math.max(worstKb, kb);
    worstMedian = Math.max(worstMedian, median(times));
    process.stdout.write(
      `${view.padEnd(50)} ${String(rows).padStart(4)}  ${kb.toFixed(1).padStart(5)}  ${median(times).toFixed(1).padStart(9)}  ${Math.max(
        ...times,
      )
        .toFixed(1)
        .padStart(8)}\n`,
    );
  }
  process.stdout.write(
    `largest page ${worstKb.toFixed(1)} KB (target < ${TARGET_KB}); slowest median ${worstMedian.toFixed(1)} ms (target < ${TARGET_MS})\n`,
  );
  await app.stop();
  if (worstKb >= TARGET_KB || worstMedian >= TARGET_MS) process.exitCode = 1;
});
