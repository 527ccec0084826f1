import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const causeOf = (error: unknown) =>
  ((error as { cause?: unknown }).cause ?? error) as Record<string, unknown>;

describe('PGlite in its worker thread', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await database.db.execute(sql`create table thread_probe (id int primary key, note text)`);
  });
  afterAll(() => database.dispose());

  it('leaves the event loop free while a statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      await database.db.execute(sql`select pg_sleep(0.4)`);
    } finally {
      clearInterval(timer);
    }
    // In-process PGlite holds the loop for the whole statement: no tick at all.
    expect(ticks).toBeGreaterThan(10);
  });

  it('holds other statements back while a transaction is open, and rolls a failed one back', async () => {
    const seen: number[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_probe values (1, 'inside')`);
      await held;
      await tx.execute(sql`insert into thread_probe values (2, 'inside')`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = database.db
      .execute(sql`select count(*)::int as n from thread_probe`)
      .then((result) => seen.push(rowsOf<{ n: number }>(result)[0]!.n));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
    release();
    await Promise.all([transaction, outside]);
    expect(seen).toEqual([2]);

    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into thread_probe values (3, 'lost')`);
        await tx.execute(sql`insert into thread_probe values (1, 'twice')`);
      }),
    ).rejects.toSatisfy(
      (error) => causeOf(error).code === '23505' && causeOf(error).constraint === 'thread_probe_pkey',
    );
    const rows = rowsOf<{ id: number }>(
      await database.db.execute(sql`select id from thread_probe order by id`),
    );
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('keeps timestamps as Drizzle reads them and delivers notices', async () => {
    const [row] = await database.db
      .select({ at: sql<Date>`now()`.mapWith((value: string) => new Date(value)) })
      .from(sql`(select 1) as one`);
    expect(row!.at).toBeInstanceOf(Date);
    expect(Number.isNaN(row!.at.getTime())).toBe(false);
    const received: string[] = [];
    const stop = await database.listen('thread_probe', (payload) => received.push(payload));
    await database.db.execute(sql`notify thread_probe, 'hello'`);
    await expect.poll(() => received).toEqual(['hello']);
    await stop();
  });
});
