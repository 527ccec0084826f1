import { countDistinct, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../services/db/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../test/support/databases.js';
import { prepareDemoCity } from './demo-city.js';

describeEachDatabase('preparing the demo city', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  // Seeding the whole city twice: give it room on a loaded two-core machine.
  it('seeds once and lets the matcher suggest candidates for every published demand', {
    timeout: 240_000,
  }, async () => {
    const first = await prepareDemoCity(database);
    await first.matching.stop();
    expect(first.outcome.seeded).toBe(true);
    expect(first.suggestions).toBeGreaterThan(63 * 10);
    const published = await database.db
      .select({ id: schema.demands.id })
      .from(schema.demands)
      .where(eq(schema.demands.status, 'published'));
    const [withCandidates] = await database.db
      .select({ value: countDistinct(schema.matchCandidates.demandId) })
      .from(schema.matchCandidates)
      .innerJoin(schema.demands, eq(schema.demands.id, schema.matchCandidates.demandId))
      .where(eq(schema.demands.status, 'published'));
    expect(Number(withCandidates?.value)).toBe(published.length);

    const second = await prepareDemoCity(database);
    await second.matching.stop();
    expect(second.outcome.seeded).toBe(false);
    expect(second.suggestions).toBe(0);
  });
});
