import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  candidateStatus,
  insertBrokeringWorld,
  insertCandidate,
  insertDemand,
} from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import type { OpenDemandCandidate } from './brokering.repository.js';
import {
  chooseProposals,
  confirmProposal,
  introduceMatch,
  proposeIntroductions,
  setIntroductionLimit,
} from './index.js';

const option = (
  candidateId: number,
  demandId: number,
  teamId: number,
  universityId: number,
  score: number,
): OpenDemandCandidate => ({
  candidateId,
  demandId,
  demandTitle: `demand ${demandId}`,
  teamId,
  teamName: `team ${teamId}`,
  universityId,
  universityName: `university ${universityId}`,
  score,
});

describe('choosing proposals', () => {
  it('gives each demand its best team when teams have room', () => {
    const chosen = chooseProposals(
      [option(1, 10, 100, 1, 0.9), option(2, 10, 200, 2, 0.5), option(3, 11, 200, 2, 0.7)],
      new Map([
        [100, 3],
        [200, 3],
      ]),
    );
    expect(chosen.map((proposal) => [proposal.demandId, proposal.teamId])).toEqual([
      [10, 100],
      [11, 200],
    ]);
  });

  it('never proposes a team beyond its room', () => {
    const chosen = chooseProposals(
      [option(1, 10, 100, 1, 0.9), option(2, 11, 100, 1, 0.8), option(3, 11, 200, 2, 0.3)],
      new Map([
        [100, 1],
        [200, 1],
      ]),
    );
    expect(chosen.map((proposal) => proposal.teamId)).toEqual([100, 200]);
  });

  it('spreads work to another university when its team is nearly as good', () => {
    const candidates = [option(1, 10, 100, 1, 0.9), option(2, 11, 101, 1, 0.8), option(3, 11, 200, 2, 0.7)];
    const room = new Map([
      [100, 3],
      [101, 3],
      [200, 3],
    ]);
    expect(chooseProposals(candidates, room).find((proposal) => proposal.demandId === 11)?.universityId).toBe(
      2,
    );
    expect(
      chooseProposals(candidates, room, 1).find((proposal) => proposal.demandId === 11)?.universityId,
    ).toBe(1);
  });

  it('keeps a clearly better team even from a university already used', () => {
    const chosen = chooseProposals(
      [option(1, 10, 100, 1, 0.9), option(2, 11, 101, 1, 0.9), option(3, 11, 200, 2, 0.3)],
      new Map([
        [100, 3],
        [101, 3],
        [200, 3],
      ]),
    );
    expect(chosen.find((proposal) => proposal.demandId === 11)?.teamId).toBe(101);
  });
});

describeEachDatabase('a fairness proposal for a chain', (kind) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
  });
  afterAll(() => database.dispose());

  it('proposes under the limits, leaves handled demands out, and sends nothing until confirmed', async () => {
    const { db } = database;
    await setIntroductionLimit(db, world.actor, world.team.id, 1);
    const demands = [];
    for (let index = 0; index < 3; index++) demands.push(await insertDemand(db, world.enterprise.id));
    const handled = await insertDemand(db, world.enterprise.id);
    const handledPair = await insertCandidate(db, { demandId: handled.id, teamId: world.secondTeam.id });
    await introduceMatch(db, world.actor, handledPair.id);
    const draft = await insertDemand(db, world.enterprise.id, { status: 'draft' });
    await insertCandidate(db, { demandId: draft.id, teamId: world.otherTeam.id, score: 0.99 });
    const pairs = [];
    for (const demand of demands) {
      pairs.push(await insertCandidate(db, { demandId: demand.id, teamId: world.team.id, score: 0.9 }));
      pairs.push(await insertCandidate(db, { demandId: demand.id, teamId: world.otherTeam.id, score: 0.6 }));
    }

    const proposal = await proposeIntroductions(db, null, 'carbon_fiber');
    const byTeam = proposal.proposals.map((proposed) => proposed.teamId);
    expect(proposal.proposals).toHaveLength(3);
    expect(byTeam.filter((teamId) => teamId === world.team.id)).toHaveLength(1);
    expect(byTeam.filter((teamId) => teamId === world.otherTeam.id)).toHaveLength(2);
    expect(proposal.proposals.map((proposed) => proposed.demandId)).not.toContain(handled.id);
    expect(proposal.proposals.map((proposed) => proposed.demandId)).not.toContain(draft.id);
    for (const pair of pairs) expect(await candidateStatus(db, pair.id)).toBe('suggested');

    const outcome = await confirmProposal(
      db,
      world.actor,
      proposal.proposals.map((proposed) => proposed.candidateId),
    );
    expect(outcome.introduced).toHaveLength(3);
    expect(outcome.refused).toEqual([]);
    const again = await proposeIntroductions(db, null, 'carbon_fiber');
    expect(again.proposals).toEqual([]);
  });

  it('reports a refused confirmation without holding back the rest', async () => {
    const { db } = database;
    await setIntroductionLimit(db, world.actor, world.secondTeam.id, 1);
    const demand = await insertDemand(db, world.enterprise.id);
    const pair = await insertCandidate(db, { demandId: demand.id, teamId: world.secondTeam.id });
    const outcome = await confirmProposal(db, world.actor, [pair.id]);
    expect(outcome.introduced).toEqual([]);
    expect(outcome.refused).toEqual([
      expect.objectContaining({ candidateId: pair.id, messageKey: 'brokering.refused.limit' }),
    ]);
  });
});
