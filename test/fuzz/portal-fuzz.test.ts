import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { prepareFuzzWorld } from './fuzz-world.js';
import { runPortalFuzz } from './run-fuzz.js';

/** Enough to touch every route many times in CI; `npm run fuzz:portal` runs thousands more. */
const CI_RUNS = 400;
const SEED = 20_261_201;

describeEachDatabase('fuzzed requests to every route and role', (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  let fuzzWorld: Awaited<ReturnType<typeof prepareFuzzWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await createTestApp(database, { loginLimit: 1_000 });
    fuzzWorld = await prepareFuzzWorld(database.db, app);
  });
  afterAll(() => app.stop());

  it('never answer 500 or more, and a refused request changes no table', async () => {
    const outcome = await runPortalFuzz({
      db: database.db,
      express: app.express,
      sessions: fuzzWorld.sessions,
      restore: fuzzWorld.restore,
      runs: CI_RUNS,
      seed: SEED,
    });
    const describe = (finding: {
      request: { route: string; role: string };
      status: number;
      answer: string;
    }) =>
      `${finding.status} ${finding.request.route} as ${finding.request.role}: ${finding.answer.slice(0, 200)}`;
    expect(outcome.requests).toBe(CI_RUNS);
    expect(outcome.serverErrors.map(describe)).toEqual([]);
    expect(
      outcome.changedOnRefusal.map((finding) => `${describe(finding)} changed ${finding.tables}`),
    ).toEqual([]);
    // The fuzz reached the handlers, not only the guards: some requests were accepted.
    expect(Object.keys(outcome.byStatus).some((status) => Number(status) < 400)).toBe(true);
  });
});
