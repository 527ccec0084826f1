import { parseArgs } from 'node:util';
import { createTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabaseKind } from '../support/databases.js';
import { prepareFuzzWorld } from './fuzz-world.js';
import { runPortalFuzz } from './run-fuzz.js';

/**
 * The long fuzz run: `npm run fuzz:portal -- --runs 20000 [--seed N] [--database postgres]`, on a
 * fresh database of its own (PGlite, or a scratch database on TEST_DATABASE_URL's server). Prints
 * the counts and every finding; exits 1 if there was any.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    database: { type: 'string', default: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const kind = values.database as TestDatabaseKind;
const database = await createTestDatabase(kind);
const app = await createTestApp(database, { loginLimit: 1_000_000 });
try {
  const world = await prepareFuzzWorld(database.db, app);
  const startedAt = Date.now();
  const outcome = await runPortalFuzz({
    db: database.db,
    express: app.express,
    sessions: world.sessions,
    restore: world.restore,
    runs,
    seed,
    onProgress: (done, so) =>
      process.stderr.write(
        `\r${done}/${runs} requests, ${so.serverErrors.length} answers >= 500, ${so.changedOnRefusal.length} refused-but-changed`,
      ),
  });
  process.stderr.write('\n');
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const summary = {
    database: kind,
    seed,
    routes: outcome.routes,
    requests: outcome.requests,
    seconds: Number(seconds),
    byStatus: outcome.byStatus,
    atLeast500: outcome.serverErrors.length,
    changedOnRefusal: outcome.changedOnRefusal.length,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  for (const finding of [...outcome.serverErrors, ...outcome.changedOnRefusal]) {
    process.stdout.write(
      `${JSON.stringify({ status: finding.status, request: { ...finding.request, file: finding.request.file ? finding.request.file.name : null }, answer: finding.answer })}\n`,
    );
  }
  process.exitCode = outcome.serverErrors.length + outcome.changedOnRefusal.length > 0 ? 1 : 0;
} finally {
  // The app never listened (supertest drives it directly): stop its matcher, then drop the database.
  await app.matching.stop();
  await database.dispose();
}
