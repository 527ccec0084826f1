import { eq, inArray, sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../../test/support/databases.js';
import { type PortalSession, portalSession } from '../../test/support/portal-session.js';
import { insertPortalWorld, type PortalWorld } from '../../test/support/portal-world.js';
import { until } from '../../test/support/until.js';
import { changeFeedRepository, openDatabase, schema } from '../db/index.js';

const onServer = testDatabaseKinds.includes('postgres');

/**
 * Several web processes on one database, as behind a load balancer: each is an app with its own
 * connection pool, listening connection and index. Only the PostgreSQL server has connections to lose.
 */
describe.skipIf(!onServer)('two app processes on one database [postgres]', () => {
  let database: TestDatabase;
  let url: string;
  let world: PortalWorld;
  let a: TestApp;
  let b: TestApp;
  let firmOnA: PortalSession;
  let counter = 0;

  /** A second process: its own pool on the same database, an app built as the server builds it. */
  async function startProcess(options: { suggestions: boolean }): Promise<TestApp> {
    const handle = await openDatabase({ driver: 'postgres', url });
    return createTestApp({ ...handle, dispose: () => handle.close() }, options);
  }

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const parsed = new URL(process.env.TEST_DATABASE_URL!.trim());
    parsed.pathname = `/${database.location.split('/').pop()}`;
    url = parsed.toString();
    world = await insertPortalWorld(database.db);
    a = await startProcess({ suggestions: false });
    b = await startProcess({ suggestions: true });
    firmOnA = await portalSession(a, 'firm@example.com');
  });
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await database.dispose();
  });

  const postDemandOnA = async () => {
    counter += 1;
    const response = await firmOnA.agent
      .post('/api/v1/demands')
      .set('X-CSRF-Token', firmOnA.token)
      .send({
        title: `碳纤维构件固化工艺需求 ${counter}`,
        description: '树脂基碳纤维复合材料构件的热压罐固化周期缩短与孔隙率控制。',
        chainCode: 'carbon_fiber',
        demandClass: 'chokepoint',
        visibility: 'public',
        status: 'published',
      });
    expect(response.status).toBe(201);
    return response.body.demand.id as number;
  };

  /** The demands a process's index ranks for the carbon-fibre team. */
  const rankedOn = async (app: TestApp) =>
    new Set(
      (await app.matching.rankDemandsForProfile('team', world.team.id, 500)).map((demand) => demand.id),
    );

  /** Ends this database's listening sessions, as a restart of PostgreSQL or an administrator would. */
  const terminateListeners = async () =>
    (await database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'xueqi listener'`,
    )) as unknown as { rows: unknown[] };

  it('ranks on B a demand posted on A within a second', async () => {
    const demandId = await postDemandOnA();
    const started = Date.now();
    await until(async () => (await rankedOn(b)).has(demandId), 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('catches up with no change lost when the listening connections are terminated during writes', async () => {
    const written: number[] = [];
    for (let index = 0; index < 24; index++) {
      if (index === 6) expect((await terminateListeners()).rows).toHaveLength(2);
      written.push(await postDemandOnA());
    }
    await until(async () => {
      const ranked = await rankedOn(b);
      return written.every((id) => ranked.has(id));
    }, 10_000);
    expect(b.matching.position).toBe(await changeFeedRepository.findLatestChangeId(database.db));
    await until(async () => (await request(b.express).get('/healthz')).body.index.listening === true, 10_000);
    const health = (await request(b.express).get('/healthz')).body;
    expect(health.index).toMatchObject({ lag: 0, listening: true, position: b.matching.position });
  });

  it('a process started after the writes catches up: its index at start, the queue from the stored position', async () => {
    await until(async () => {
      const cursor = await changeFeedRepository.findCursorPosition(
        database.db,
        changeFeedRepository.SUGGESTIONS_CURSOR,
      );
      return cursor === b.matching.position;
    }, 10_000);
    await b.stop();
    const written = [await postDemandOnA(), await postDemandOnA(), await postDemandOnA()];
    const pairsOf = async () =>
      database.db
        .select({ demandId: schema.matchCandidates.demandId })
        .from(schema.matchCandidates)
        .where(inArray(schema.matchCandidates.demandId, written));
    // Nobody suggests while the only worker is down; the feed keeps what was written.
    expect(await pairsOf()).toHaveLength(0);
    b = await startProcess({ suggestions: true });
    const ranked = await rankedOn(b);
    expect(written.every((id) => ranked.has(id))).toBe(true);
    await until(
      async () => new Set((await pairsOf()).map((pair) => pair.demandId)).size === written.length,
      10_000,
    );
    const [suggested] = await database.db
      .select()
      .from(schema.matchCandidates)
      .where(eq(schema.matchCandidates.demandId, written[0]!));
    expect(suggested?.status).toBe('suggested');
  });
});
