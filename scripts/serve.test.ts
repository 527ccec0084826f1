import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

describe('npm start refusing bad configuration', () => {
  it('names a malformed PORT in one line and exits 1', () => {
    const result = start({ PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('start: PORT must be a whole number from 1 to 65535, got "eighty"');
  });

  it('names the host of an unreachable DATABASE_URL in one line, without a stack trace', () => {
    const result = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^start: cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere/);
  });
});
