import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBrokeringWorld, insertCandidate, insertDemand } from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { KeptWhileUnchanged, readChangeCounter } from './change-counters.js';
import { openDatabase, schema } from './index.js';

describeEachDatabase('the pairs change counter', (kind) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const counter = () => readChangeCounter(database.db, 'pairs');

  /** How far one write moves the counter. */
  async function raisedBy(write: () => Promise<unknown>): Promise<number> {
    const before = await counter();
    await write();
    return (await counter()) - before;
  }

  it('is raised by a write to every table the queue shows, once per transaction', async () => {
    const { db } = database;
    const demand = await insertDemand(db, world.enterprise.id);
    const pair = await insertCandidate(db, { demandId: demand.id, teamId: world.team.id });
    const writes: [string, () => Promise<unknown>][] = [
      [
        'pair',
        () =>
          db.update(schema.matchCandidates).set({ score: 0.7 }).where(eq(schema.matchCandidates.id, pair.id)),
      ],
      [
        'demand',
        () => db.update(schema.demands).set({ title: '新标题' }).where(eq(schema.demands.id, demand.id)),
      ],
      [
        'firm',
        () =>
          db
            .update(schema.enterprises)
            .set({ name: '新企业名' })
            .where(eq(schema.enterprises.id, world.enterprise.id)),
      ],
      [
        'team',
        () => db.update(schema.teams).set({ nameZh: '新团队名' }).where(eq(schema.teams.id, world.team.id)),
      ],
      [
        'faculty',
        () => db.update(schema.faculty).set({ name: '王新' }).where(eq(schema.faculty.id, world.member.id)),
      ],
      [
        'university',
        () =>
          db
            .update(schema.universities)
            .set({ nameZh: '新大学' })
            .where(eq(schema.universities.id, world.university.id)),
      ],
      [
        'agreement',
        () =>
          db.insert(schema.matchAgreements).values({
            matchCandidateId: pair.id,
            enterpriseConfirmedBy: '刘经理',
            universityConfirmedBy: '王建国',
            channel: 'phone',
            agreedOn: '2026-11-30',
            recordedBy: world.staffUser.id,
          }),
      ],
      ['pair removed', () => db.delete(schema.matchCandidates).where(eq(schema.matchCandidates.id, pair.id))],
    ];
    for (const [what, write] of writes) expect([what, await raisedBy(write)]).toEqual([what, 1]);
    const many = await raisedBy(() =>
      db.transaction(async (tx) => {
        await insertCandidate(tx, { demandId: demand.id, teamId: world.otherTeam.id });
        await insertCandidate(tx, { demandId: demand.id, facultyId: world.loneFaculty.id });
        await tx.update(schema.demands).set({ title: '再改标题' }).where(eq(schema.demands.id, demand.id));
      }),
    );
    expect(many).toBe(1);
  });

  it('stays where it was for reads, for writes elsewhere and for a transaction rolled back', async () => {
    const { db } = database;
    expect(await raisedBy(() => db.select().from(schema.matchCandidates))).toBe(0);
    expect(await raisedBy(() => db.update(schema.staff).set({ name: '赵专班' }))).toBe(0);
    const rolledBack = await raisedBy(() =>
      db
        .transaction(async (tx) => {
          await insertDemand(tx, world.enterprise.id);
          throw new Error('changed my mind');
        })
        .catch(() => undefined),
    );
    expect(rolledBack).toBe(0);
  });

  it('is raised when a watched table is emptied at once', async () => {
    expect(await raisedBy(() => database.db.execute(sql`truncate match_agreements`))).toBe(1);
  });

  describe.runIf(kind === 'postgres')('seen from another connection', () => {
    it('moves in the same commit as the rows: a reader never sees the one without the other', async () => {
      const other = new pg.Client({ connectionString: database.url! });
      await other.connect();
      try {
        const demand = await insertDemand(database.db, world.enterprise.id);
        const seen = async () => {
          const { rows } = await other.query(
            `select (select value from change_counters where name = 'pairs') as counter,
                    (select title from demands where id = $1) as title`,
            [demand.id],
          );
          return rows[0] as { counter: string; title: string };
        };
        const before = await seen();
        await database.db.transaction(async (tx) => {
          await tx.update(schema.demands).set({ title: '尚未提交' }).where(eq(schema.demands.id, demand.id));
          expect(await seen()).toEqual(before);
        });
        const after = await seen();
        expect(after.title).toBe('尚未提交');
        expect(Number(after.counter)).toBe(Number(before.counter) + 1);
      } finally {
        await other.end();
      }
    });
  });
});

describeEachDatabase('KeptWhileUnchanged', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const raise = () => database.db.execute(sql`truncate match_agreements`);

  // On PGlite this process is the only writer and counts the notices instead: nothing to share.
  it.runIf(kind === 'postgres')(
    'shares reads of the counter, but never one that began before the caller',
    async () => {
      const statements: string[] = [];
      const counted = await openDatabase(
        { driver: 'postgres', url: database.url! },
        { onQuery: (statement) => statements.push(statement) },
      );
      try {
        const { db } = counted;
        const before = await readChangeCounter(db, 'pairs');
        statements.length = 0;
        const underWay = readChangeCounter(db, 'pairs');
        // Asked while a read is under way: these wait for the next read, which begins after them.
        const asked = Array.from({ length: 20 }, () => readChangeCounter(db, 'pairs'));
        expect(new Set(asked).size).toBe(1);
        expect(asked[0]).not.toBe(underWay);
        await Promise.all([underWay, ...asked]);
        expect(statements).toHaveLength(2);
        // Whichever read is under way when a caller asks, it counts every commit made before.
        const stillReading = readChangeCounter(db, 'pairs');
        await raise();
        expect(await readChangeCounter(db, 'pairs')).toBe(before + 1);
        await stillReading;
      } finally {
        await counted.close();
      }
    },
  );

  it('answers with the same object until the counter moves, then builds again', async () => {
    const kept = new KeptWhileUnchanged<{ built: number }>('pairs');
    let builds = 0;
    const build = async () => ({ built: ++builds });
    const first = await kept.get(database.db, 'a', build);
    expect(await kept.get(database.db, 'a', build)).toBe(first);
    expect(await kept.get(database.db, 'b', build)).not.toBe(first);
    await raise();
    const after = await kept.get(database.db, 'a', build);
    expect(after).not.toBe(first);
    expect(after.built).toBe(3);
  });

  it('shares one build among requests that ask at once, and does not keep a failed one', async () => {
    const kept = new KeptWhileUnchanged<number>('pairs');
    let builds = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++builds), 20));
    const answers = await Promise.all([1, 2, 3].map(() => kept.get(database.db, 'a', slow)));
    expect(answers).toEqual([1, 1, 1]);
    await expect(kept.get(database.db, 'b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await kept.get(database.db, 'b', async () => 42)).toBe(42);
  });
});
