import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { changeFeed } from './schema/change-feed.js';

/**
 * PGlite's statements go without drizzle's per-statement parsers (the client has them instead):
 * what drizzle reads must be what it read before, in a transaction as outside one.
 */
describe('PGlite statements without per-statement parsers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database.dispose());

  const rawTypes = sql`select timestamptz '2026-12-01 08:00:00+00' as at, date '2026-12-01' as day,
    interval '2 days' as span, array[timestamp '2026-12-01 08:00:00'] as stamps, 42::int as answer, true as flag`;

  it('reads dates, times and intervals as text, and other types as values, outside and inside a transaction', async () => {
    const expected = {
      at: '2026-12-01 08:00:00+00',
      day: '2026-12-01',
      span: '2 days',
      stamps: '{"2026-12-01 08:00:00"}',
      answer: 42,
      flag: true,
    };
    const { rows } = (await database.db.execute(rawTypes)) as unknown as { rows: unknown[] };
    expect(rows).toEqual([expected]);
    const inside = await database.db.transaction(async (tx) => {
      const result = (await tx.execute(rawTypes)) as unknown as { rows: unknown[] };
      return result.rows;
    });
    expect(inside).toEqual([expected]);
  });

  it('maps a timestamp column to a Date through drizzle, in a transaction as outside one', async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(changeFeed).values({ entity: 'demand', ids: [1] });
      const [row] = await tx.select({ createdAt: changeFeed.createdAt }).from(changeFeed);
      expect(row!.createdAt).toBeInstanceOf(Date);
    });
    const [row] = await database.db.select({ createdAt: changeFeed.createdAt }).from(changeFeed);
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(Number.isNaN(row!.createdAt.getTime())).toBe(false);
  });
});
