import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../seeds/index.js';
import { openDatabase, schema } from '../services/db/index.js';

const SECRET = 'a-production-secret-of-more-than-32-characters';
const dataDir = mkdtempSync(path.join(tmpdir(), 'xueqi-production-'));
const productionEnv = {
  ...process.env,
  NODE_ENV: 'production',
  SESSION_SECRET: SECRET,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'https://xueqi.bureau.example',
  // Behind the bureau's TLS proxy on this host: the proxy says the request came over HTTPS.
  TRUSTED_PROXIES: 'loopback',
};

/** A port free a moment ago: PORT must name one (0 is refused by the config). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: { ...productionEnv, PORT: String(await freePort()) },
  });
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in time:\n${stdout}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = stdout.match(/running at (http:\/\/localhost:\d+)/)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => stdout });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${stdout}`)));
  });
}

/** As behind the bureau's TLS-terminating proxy: production session cookies are Secure. */
const BEHIND_TLS = { 'x-forwarded-proto': 'https' };

async function tryLogin(url: string, email: string, password: string): Promise<number> {
  const page = await fetch(`${url}/login`, { headers: BEHIND_TLS });
  const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...BEHIND_TLS, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: token }),
  });
  return response.status;
}

describe('a production start', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start without SESSION_SECRET, in one line, exit code 1', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: { ...productionEnv, SESSION_SECRET: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^start: SESSION_SECRET is not set/);
  });

  it('seeds no demo city, prints no password, and lets no demo account in', async () => {
    const server = await startServer();
    try {
      for (const account of DEMO_ACCOUNTS) {
        expect(await tryLogin(server.url, account.email, account.password)).toBe(401);
        expect(server.output()).not.toContain(account.password);
      }
      expect(server.output()).toContain('npm run admin:create -- --email');
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
    const database = await openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      expect(await database.db.select().from(schema.users)).toHaveLength(0);
      expect(await database.db.select().from(schema.demands)).toHaveLength(0);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('creates the first administrator with a one-time set-password link, and refuses a second of that email', async () => {
    const run = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/admin-create.ts', '--email', 'Chief@Bureau.example'],
        {
          env: productionEnv,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const created = run();
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/https:\/\/xueqi\.bureau\.example\/account\/reset\/[A-Za-z0-9_-]{43}\n$/);
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe('admin:create: an account already uses chief@bureau.example');
    const database = await openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const users = await database.db.select().from(schema.users);
      expect(users.map((user) => [user.email, user.role, user.status])).toEqual([
        ['chief@bureau.example', 'admin', 'active'],
      ]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
