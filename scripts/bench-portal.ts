import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { academicShape, DEMO_ACCOUNTS, MAX_CITY_SCALE } from '../seeds/index.js';
import type { ParentMessage, PortalMessage } from './bench-portal/messages.js';

/**
 * The portal under load beside a bare Express + Handlebars page, in one run on this machine:
 * req/s, p50, p99 and errors at N connections, the ratio to the bare page, SQL statements per
 * request and a single user's latency. The machine is small and shared, so only the ratios and
 * medians over rounds mean much.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: npm run bench:portal -- [--duration 20] [--connections 50] [--rounds 3] [--mode production|default]
                              [--scale 1] [--only PAGE] [--cpu-prof DIR] [--show-sql]
  --scale: seed the city at that many times its academic size (teams, faculty, works, results),
  a whole number from 1 to ${MAX_CITY_SCALE}; 10 is about 13,000 faculty and 58,000 works.
  --only: load only the pages whose name contains PAGE; --cpu-prof: write the portal's CPU profile into DIR;
  --show-sql: print the SQL statements one request of each page sends.
  DATABASE_URL set: the portal runs on that PostgreSQL server, in a fresh database it creates and drops;
  unset: on embedded PGlite in a temporary folder.`;

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    mode: { type: 'string', default: 'production' },
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'show-sql': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const duration = Number(options.duration);
const connections = Number(options.connections);
const rounds = Number(options.rounds);
if (![duration, connections, rounds].every((value) => Number.isInteger(value) && value > 0)) {
  process.stderr.write(`bench:portal: --duration, --connections and --rounds take whole numbers\n${USAGE}\n`);
  process.exit(1);
}
if (options.mode !== 'production' && options.mode !== 'default') {
  process.stderr.write(`bench:portal: --mode is production or default\n${USAGE}\n`);
  process.exit(1);
}
const scale = Number(options.scale);
try {
  academicShape(scale);
} catch (error) {
  process.stderr.write(`bench:portal: --scale ${options.scale}: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(1);
}
const production = options.mode === 'production';
/** Behind a TLS proxy in production: the portal's cookies are Secure, so the bench says it came over HTTPS. */
const PROXY_HEADERS: Record<string, string> = production ? { 'x-forwarded-proto': 'https' } : {};

interface Child {
  process: ChildProcess;
  url: string;
}

function start(
  script: string,
  env: NodeJS.ProcessEnv,
  options: { args?: string[]; profileDir?: string } = {},
): Promise<Child & { city: Extract<PortalMessage, { type: 'ready' }>['city'] }> {
  const profiling = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
  const child = fork(path.join(HERE, 'bench-portal', script), options.args ?? [], {
    env,
    execArgv: ['--import', 'tsx', ...profiling],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.on('message', (message: PortalMessage) => {
      if (message.type === 'ready') resolve({ process: child, url: message.url, city: message.city });
    });
  });
}

function stop(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.removeAllListeners('exit');
    child.process.once('exit', () => resolve());
    child.process.send({ type: 'stop' } satisfies ParentMessage);
  });
}

function statementsSoFar(child: Child): Promise<{ count: number; recent: string[]; cpuMicros: number }> {
  return new Promise((resolve) => {
    const listener = (message: PortalMessage) => {
      if (message.type !== 'statements') return;
      child.process.off('message', listener);
      resolve({ count: message.count, recent: message.recent, cpuMicros: message.cpuMicros });
    };
    child.process.on('message', listener);
    child.process.send({ type: 'statements' } satisfies ParentMessage);
  });
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Logs in through the real form: the login page's CSRF token, then the post; returns the session cookie. */
async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/login`, { headers: PROXY_HEADERS });
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('the login page carries no CSRF token');
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...PROXY_HEADERS,
      cookie: cookieOf(page),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: token, email, password, next: '' }),
  });
  if (response.status !== 302) throw new Error(`logging in as ${email} answered ${response.status}`);
  return cookieOf(response);
}

interface Target {
  name: string;
  url: string;
  cookie: string;
}

async function firstDemandPath(baseUrl: string, cookie: string): Promise<string> {
  const page = await fetch(`${baseUrl}/demands/mine`, { headers: { ...PROXY_HEADERS, cookie } });
  const id = /href="\/demands\/(\d+)"/.exec(await page.text())?.[1];
  if (!id) throw new Error("the demo enterprise's demand list links no demand");
  return `/demands/${id}`;
}

interface Portal {
  targets: Target[];
  /** Staff see every demand's ranked page; the enterprise's demand is among the targets. */
  staffCookie: string;
  demandPath: string;
}

async function portalTargets(baseUrl: string): Promise<Portal> {
  const password = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!;
  const sessionOf = async (role: string) => logIn(baseUrl, password(role).email, password(role).password);
  const [enterprise, university, staff] = await Promise.all(
    ['enterprise', 'university', 'staff'].map(sessionOf),
  );
  const demandPath = await firstDemandPath(baseUrl, enterprise!);
  const targets = [
    { name: `${demandPath} (enterprise)`, url: `${baseUrl}${demandPath}`, cookie: enterprise! },
    { name: '/matched-demands (university)', url: `${baseUrl}/matched-demands`, cookie: university! },
    { name: '/staff/queue (staff)', url: `${baseUrl}/staff/queue`, cookie: staff! },
    {
      name: `/api/v1${demandPath}/matches`,
      url: `${baseUrl}/api/v1${demandPath}/matches`,
      cookie: enterprise!,
    },
    { name: '/ (anonymous)', url: `${baseUrl}/`, cookie: '' },
    { name: '/healthz', url: `${baseUrl}/healthz`, cookie: '' },
  ];
  return { targets, staffCookie: staff!, demandPath };
}

/** How many demands' pages are opened for the first time; enough for a median that holds still. */
const FIRST_VIEWS = 20;

/**
 * Each demand page staff open for the first time: rankings and pages are kept until the index next
 * changes, so the loaded page is answered from memory, and only a first view (or any view after a
 * change of the index) ranks the whole city, which is what a bigger city makes dearer.
 */
async function firstViewsOfDemands(baseUrl: string, portal: Portal, child: Child) {
  const headers = { ...PROXY_HEADERS, cookie: portal.staffCookie };
  const library = await (await fetch(`${baseUrl}/demands`, { headers })).text();
  const paths = [...new Set([...library.matchAll(/href="(\/demands\/\d+)"/g)].map((match) => match[1]!))]
    .filter((demandPath) => demandPath !== portal.demandPath)
    .slice(0, FIRST_VIEWS);
  const times: number[] = [];
  const before = await statementsSoFar(child);
  for (const demandPath of paths) {
    const startedAt = performance.now();
    const response = await fetch(`${baseUrl}${demandPath}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${demandPath} answered staff with ${response.status}`);
    times.push(performance.now() - startedAt);
  }
  const after = await statementsSoFar(child);
  return { pages: paths.length, ms: median(times), cpuMs: cpuMsPerRequest(before, after, paths.length) };
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The portal's CPU per answered request under this load: what bounds its req/s on one core. */
  cpuMs: number | null;
}

async function load(target: Target, portal: Child | null): Promise<Load> {
  const before = portal ? await statementsSoFar(portal) : null;
  const result = await autocannon({
    url: target.url,
    connections,
    duration,
    headers: { ...PROXY_HEADERS, ...(target.cookie ? { cookie: target.cookie } : {}) },
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMs:
      before && portal ? cpuMsPerRequest(before, await statementsSoFar(portal), result.requests.total) : null,
  };
}

function cpuMsPerRequest(before: { cpuMicros: number }, after: { cpuMicros: number }, requests: number) {
  return (after.cpuMicros - before.cpuMicros) / 1000 / Math.max(1, requests);
}

/** A single user's view: the median of sequential requests, and the SQL statements each costs. */
async function alone(target: Target, portal: Child | null) {
  const headers = { ...PROXY_HEADERS, ...(target.cookie ? { cookie: target.cookie } : {}) };
  await fetch(target.url, { headers }).then((response) => response.arrayBuffer());
  const times: number[] = [];
  const before = portal ? await statementsSoFar(portal) : null;
  let bytes = 0;
  const requests = 40;
  for (let index = 0; index < requests; index += 1) {
    const startedAt = performance.now();
    const response = await fetch(target.url, { headers });
    bytes = (await response.arrayBuffer()).byteLength;
    times.push(performance.now() - startedAt);
  }
  const after = portal ? await statementsSoFar(portal) : null;
  const statements = after && before ? (after.count - before.count) / requests : 0;
  // The portal's own CPU per request: unlike req/s and latency, hardly moved by what else the
  // machine runs, so two builds compare across runs.
  const cpuMs = after && before ? cpuMsPerRequest(before, after, requests) : null;
  if (options['show-sql'] && after) {
    const perRequest = Math.round(statements);
    process.stdout.write(`\n${target.name}: ${perRequest} statement(s)\n`);
    for (const statement of after.recent.slice(-perRequest)) process.stdout.write(`  ${statement}\n`);
  }
  return { ms: median(times), statements, cpuMs, kilobytes: bytes / 1024 };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function freshServerDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `xueqi_bench_portal_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim() || null;
  const dataDir = serverUrl ? null : mkdtempSync(path.join(tmpdir(), 'xueqi-bench-portal-'));
  const server = serverUrl ? await freshServerDatabase(serverUrl) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    // In production the portal sits behind a TLS proxy on this host, which the bench plays.
    ...(production
      ? {
          NODE_ENV: 'production',
          SESSION_SECRET: 'bench-portal-session-secret-0123456789',
          TRUSTED_PROXIES: 'loopback',
        }
      : {}),
    ...(server ? { DATABASE_URL: server.url } : { DATABASE_URL: '', DATA_DIR: dataDir! }),
  };
  if (!production) delete env.NODE_ENV;
  const driver = server ? 'PostgreSQL server' : 'PGlite';
  process.stdout.write(
    `bench:portal on ${driver}, ${options.mode} mode, city at ${scale}×, ${connections} connections, ${duration} s, ${rounds} round(s)\n`,
  );
  const portal = await start('portal-process.ts', env, {
    args: ['--scale', String(scale)],
    profileDir: options['cpu-prof'],
  });
  if (portal.city) {
    const { faculty, works, seconds } = portal.city;
    process.stdout.write(
      `  city at ${scale}×: ${faculty} faculty, ${works} works; seeded in ${seconds.seed.toFixed(1)} s, indexed in ${seconds.index.toFixed(1)} s, first suggestions in ${seconds.suggest.toFixed(1)} s\n`,
    );
  }
  const bare = await start('bare-page.ts', { ...process.env, NODE_ENV: 'production' });
  try {
    const bareTarget: Target = { name: 'bare Express + Handlebars', url: bare.url, cookie: '' };
    const known = await portalTargets(portal.url);
    const pages = known.targets.filter((target) => !options.only || target.name.includes(options.only));
    const firstViews = await firstViewsOfDemands(portal.url, known, portal);
    const single = new Map<string, Awaited<ReturnType<typeof alone>>>();
    single.set(bareTarget.name, await alone(bareTarget, null));
    for (const page of pages) single.set(page.name, await alone(page, portal));

    const loads = new Map<string, Load[]>();
    for (let round = 1; round <= rounds; round += 1) {
      // Bare and portal alternate inside a round, so a busy spell on the machine hits both.
      for (const target of [bareTarget, ...pages]) {
        const measured = await load(target, target === bareTarget ? null : portal);
        loads.set(target.name, [...(loads.get(target.name) ?? []), measured]);
        process.stdout.write(
          `  round ${round}: ${target.name}: ${measured.requestsPerSecond.toFixed(0)} req/s, p99 ${measured.p99} ms\n`,
        );
      }
    }
    const summary = (name: string) => {
      const runs = loads.get(name)!;
      return {
        requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
        p50: median(runs.map((run) => run.p50)),
        p99: median(runs.map((run) => run.p99)),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
        cpuMs: runs[0]!.cpuMs === null ? null : median(runs.map((run) => run.cpuMs!)),
      };
    };
    const bareRate = summary(bareTarget.name).requestsPerSecond;
    const rows = [bareTarget, ...pages].map((target) => {
      const measured = summary(target.name);
      const one = single.get(target.name)!;
      return {
        page: target.name,
        'req/s': Math.round(measured.requestsPerSecond),
        'of bare': `${((100 * measured.requestsPerSecond) / bareRate).toFixed(1)} %`,
        'p50 ms': measured.p50,
        'p99 ms': measured.p99,
        errors: measured.errors,
        'SQL/req': target === bareTarget ? '–' : one.statements.toFixed(1),
        'alone ms': one.ms.toFixed(1),
        'CPU ms': one.cpuMs === null ? '–' : one.cpuMs.toFixed(2),
        'CPU ms loaded': measured.cpuMs === null ? '–' : measured.cpuMs.toFixed(2),
        KB: one.kilobytes.toFixed(1),
      };
    });
    process.stdout.write('\nmedians over rounds:\n');
    console.table(rows);
    process.stdout.write(
      `first views of ${firstViews.pages} demand pages (staff, nothing cached): median ${firstViews.ms.toFixed(1)} ms, CPU ${firstViews.cpuMs.toFixed(2)} ms each\n`,
    );
  } finally {
    await Promise.all([stop(portal), stop(bare)]);
    await server?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:portal: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
