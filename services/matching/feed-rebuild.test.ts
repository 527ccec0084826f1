import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertSmallWorld } from '../../test/support/fixtures.js';
import { announceChanges, changeFeedRepository, schema } from '../db/index.js';
import { REBUILD_WHEN_BEHIND } from './feed-follower.js';
import { MatchingService } from './matching.service.js';

/**
 * The two ways back for a process that fell out of step with the feed: its position was pruned
 * away (a process cut off for days), or it is so far behind that reading the tables is quicker.
 * Both must end with an index that holds every write, and say so in the status as a rebuild.
 */
describeEachDatabase('a process out of step with the change feed rebuilds from the tables', (kind) => {
  let database: TestDatabase;
  let live: MatchingService;
  let teamId: number;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    teamId = (await insertSmallWorld(database.db)).team.id;
    live = await MatchingService.start(database);
  });
  afterAll(async () => {
    await live.stop();
    await database.dispose();
  });

  /** A team's new text with its feed row but no wake-up, as if this process had been asleep. */
  const describeTeamQuietly = (description: string) =>
    database.db.transaction(async (tx) => {
      await tx.update(schema.teams).set({ description }).where(eq(schema.teams.id, teamId));
      await tx.insert(schema.changeFeed).values({ entity: 'team', ids: [teamId] });
    });
  const teamsFound = async (text: string) => (await live.searchIds(text, 'team', 5)).map((hit) => hit.id);

  it('rebuilds when the changes after its position were pruned, and holds the pruned write', async () => {
    const before = await live.feedStatus();
    await describeTeamQuietly('潮汐能发电机组 tidal turbine');
    const latest = await changeFeedRepository.findLatestChangeId(database.db);
    await database.db.transaction((tx) =>
      changeFeedRepository.pruneChanges(tx, new Date(Date.now() + 60_000), latest),
    );
    // The next change wakes the process up; the gap before it sends it to the pruned position.
    await database.db.transaction(async (tx) => {
      await tx.update(schema.teams).set({ nameZh: '潮汐能装备团队' }).where(eq(schema.teams.id, teamId));
      await announceChanges(tx, { entity: 'team', ids: [teamId] });
    });
    await live.catchUp();
    const after = await live.feedStatus();
    expect(after.rebuilds).toBe(before.rebuilds + 1);
    expect(after.lag).toBe(0);
    expect(await teamsFound('tidal turbine')).toEqual([teamId]);
    expect(await teamsFound('潮汐能装备')).toEqual([teamId]);
  });

  it(`rebuilds instead of reading more than ${REBUILD_WHEN_BEHIND} changes one batch at a time`, async () => {
    const before = await live.feedStatus();
    await database.db.execute(sql`
      insert into ${schema.changeFeed} (entity, ids)
      select 'team', array[${teamId}::integer] from generate_series(1, ${REBUILD_WHEN_BEHIND + 1})
    `);
    await describeTeamQuietly('波浪能浮标 wave energy buoy');
    await live.catchUp();
    const after = await live.feedStatus();
    expect(after.rebuilds).toBe(before.rebuilds + 1);
    expect(after.position).toBe(await changeFeedRepository.findLatestChangeId(database.db));
    expect(await teamsFound('wave energy buoy')).toEqual([teamId]);
  });
});
