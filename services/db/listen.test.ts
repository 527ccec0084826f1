import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { until } from '../../test/support/until.js';

const CHANNEL = 'xueqi_listen_test';

describeEachDatabase('LISTEN/NOTIFY', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  /** Ends the server sessions that are listening, as a restart or an administrator would. */
  async function dropListeners(): Promise<void> {
    await database.db.execute(
      sql.raw(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'listen ${CHANNEL}'`,
      ),
    );
  }

  it('delivers notices, listens again after the server drops the session, and stops quietly', async () => {
    const received: string[] = [];
    const stop = await database.listen(CHANNEL, (payload) => received.push(payload));
    await database.db.execute(sql.raw(`notify ${CHANNEL}, 'first'`));
    await until(() => received.includes('first'));
    if (kind === 'postgres') {
      await dropListeners();
      // Listening again takes a second; notices sent meanwhile are lost, so keep sending.
      for (let attempt = 0; attempt < 40 && !received.includes('again'); attempt++) {
        await database.db.execute(sql.raw(`notify ${CHANNEL}, 'again'`));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(received).toContain('again');
    }
    await stop();
    const count = received.length;
    await database.db.execute(sql.raw(`notify ${CHANNEL}, 'after'`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(count);
    if (kind === 'postgres') await dropListeners();
  });
});
