import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, schema } from '../../services/db/index.js';
import {
  BOTH_INTERESTED,
  insertBrokeringWorld,
  insertCandidate,
  insertDemand,
} from '../../test/support/brokering.js';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../../test/support/databases.js';
import { ConflictError } from '../shared/errors.js';
import { acceptMatch, introduceMatch } from './index.js';

/** Processes' worth of connection pools, and the accepts sent at once across them. */
const PROCESSES = 4;
const ACCEPTS = 20;
const onServer = testDatabaseKinds.includes('postgres');

/**
 * Several processes' worth of connections accepting one pair at the same moment. Only the
 * PostgreSQL server can show this: PGlite has a single connection, so it never races.
 */
describe.skipIf(!onServer)('accepting one pair from several connections at once [postgres]', () => {
  let database: TestDatabase;
  const handles: DatabaseHandle[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = new URL(process.env.TEST_DATABASE_URL!.trim());
    url.pathname = `/${database.location.split('/').pop()}`;
    for (let index = 0; index < PROCESSES; index++)
      handles.push(await openDatabase({ driver: 'postgres', url: url.toString() }));
  });
  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    await database.dispose();
  });

  it('creates exactly one collaboration from twenty accepts at once; every other staff member is told it was already accepted', async () => {
    const world = await insertBrokeringWorld(database.db);
    const demand = await insertDemand(database.db, world.enterprise.id);
    const pair = await insertCandidate(database.db, {
      demandId: demand.id,
      teamId: world.team.id,
      ...BOTH_INTERESTED,
    });
    await introduceMatch(database.db, world.actor, pair.id);

    const outcomes = await Promise.allSettled(
      Array.from({ length: ACCEPTS }, (_, index) =>
        acceptMatch(handles[index % PROCESSES]!.db, world.actor, pair.id),
      ),
    );
    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const rejected = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(ACCEPTS - 1);
    for (const reason of rejected) expect(reason).toBeInstanceOf(ConflictError);

    const [collaborations] = await database.db
      .select({ value: count() })
      .from(schema.collaborations)
      .where(eq(schema.collaborations.demandId, demand.id));
    expect(Number(collaborations!.value)).toBe(1);
  });
});
