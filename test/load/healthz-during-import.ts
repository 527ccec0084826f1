import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { createTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabaseKind } from '../support/databases.js';
import { FIXTURE_PASSWORD, insertSmallWorld, insertUser } from '../support/fixtures.js';

/**
 * How the portal answers while a big import runs: `/healthz` latency before and during a
 * 100,000-row faculty import through the upload page, on a server listening on a free port.
 *
 *   npm run bench:healthz -- [--rows 100000] [--database postgres|pglite] [--mode import|check] [--after 60]
 *
 * `--after` keeps probing that many seconds after the import answered, while the matcher index
 * takes the new records in.
 *
 * PostgreSQL is the server's database (TEST_DATABASE_URL, a scratch database of its own); PGlite
 * runs in-process and serialises queries, so there `/healthz`'s own query waits for the import's
 * transaction — measured and printed all the same.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    database: { type: 'string', default: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' },
    mode: { type: 'string', default: 'import' },
    after: { type: 'string', default: '60' },
  },
});
const rows = Number(values.rows);
const kind = values.database as TestDatabaseKind;

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((left, right) => left - right);
  return {
    count: sorted.length,
    p50: +percentile(sorted, 0.5).toFixed(1),
    p99: +percentile(sorted, 0.99).toFixed(1),
    max: +(sorted.at(-1) ?? Number.NaN).toFixed(1),
  };
};

async function roster(universityName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('教师');
  sheet.addRow(['姓名', '所属高校', '职称', '研究方向', '邮箱']);
  for (let index = 0; index < rows; index++)
    sheet.addRow([`教师${index}`, universityName, '教授', '复合材料；固化工艺', `t${index}@example.edu.cn`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...rest] = pair!.split('=');
        cookies.set(name!, rest.join('='));
      }
    },
  };
}

const tokenIn = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)![1]!;

const database = await createTestDatabase(kind);
const world = await insertSmallWorld(database.db);
const staff = await insertUser(database.db, {
  email: 'bench-staff@example.gov.cn',
  role: 'staff',
  staffId: world.staffMember.id,
});
process.stderr.write(`building a ${rows}-row roster…\n`);
const file = await roster(world.university.nameZh);
const app = await createTestApp(database);
const url = await app.start(0);
try {
  const jar = cookieJar();
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.take(response);
    return response;
  };
  const loginPage = await get('/login');
  const login = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email: staff.email,
      password: FIXTURE_PASSWORD,
      _csrf: tokenIn(await loginPage.text()),
    }),
    redirect: 'manual',
  });
  jar.take(login);
  if (login.status !== 302) throw new Error(`login failed: ${login.status}`);
  const token = tokenIn(await (await get('/staff/lists')).text());

  const probe = async () => {
    const startedAt = performance.now();
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    return performance.now() - startedAt;
  };
  const baseline: number[] = [];
  for (let index = 0; index < 200; index++) baseline.push(await probe());

  const form = new FormData();
  form.set('_csrf', token);
  form.set('kind', 'faculty');
  form.set('mode', values.mode!);
  form.set('file', new Blob([file]), 'roster.xlsx');
  let done = false;
  let peakRss = process.memoryUsage().rss;
  const importStarted = performance.now();
  const importing = fetch(`${url}/staff/lists/import`, {
    method: 'POST',
    headers: { cookie: jar.header() },
    body: form,
  }).then(async (response) => {
    const html = await response.text();
    done = true;
    return { status: response.status, seconds: (performance.now() - importStarted) / 1000, html };
  });
  const during: number[] = [];
  while (!done) {
    during.push(await probe());
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const outcome = await importing;
  // After the commit, each process's matcher index takes in the new records (services/matching):
  // the portal should keep answering through that too.
  const after: number[] = [];
  const afterUntil = performance.now() + Number(values.after) * 1000;
  while (performance.now() < afterUntil) {
    after.push(await probe());
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const created =
    outcome.html.match(/data-count-create="(\d+)"/)?.[1] ?? outcome.html.match(/新增\D{0,20}(\d[\d,]*)/)?.[1];
  process.stdout.write(
    `${JSON.stringify(
      {
        database: kind,
        rows,
        fileMegabytes: +(file.length / 1024 / 1024).toFixed(1),
        import: { status: outcome.status, seconds: +outcome.seconds.toFixed(1), created: created ?? null },
        healthzBefore: summary(baseline),
        healthzDuringImport: summary(during),
        healthzAfterImport: { seconds: Number(values.after), ...summary(after) },
        peakRssMegabytes: Math.round(peakRss / 1024 / 1024),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await app.stop();
  if (kind === 'postgres') await database.dispose().catch(() => {});
}
