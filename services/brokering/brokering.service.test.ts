import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditTrail } from '../../services/audit/index.js';
import { schema } from '../../services/db/index.js';
import {
  BOTH_INTERESTED,
  candidateStatus,
  insertBrokeringWorld,
  insertCandidate,
  insertDemand,
} from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import {
  acceptMatch,
  declineMatch,
  introduceMatch,
  listQueue,
  OPEN_STATUSES,
  setIntroductionLimit,
  shortlistMatch,
} from './index.js';

describeEachDatabase('brokering a candidate pair', (kind) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
  });
  afterAll(() => database.dispose());

  /** A pair both sides said interested in, so that only brokering's own rules stand before an accept. */
  const newPair = async (values: Omit<Parameters<typeof insertCandidate>[1], 'demandId'> = {}) => {
    const demand = await insertDemand(database.db, world.enterprise.id);
    const pair = await insertCandidate(database.db, {
      demandId: demand.id,
      ...(values.facultyId ? {} : { teamId: values.teamId ?? world.team.id }),
      ...BOTH_INTERESTED,
      ...values,
    });
    return { demand, pair };
  };

  it('walks a pair from suggested through shortlisted and introduced to accepted, auditing each step', async () => {
    const { db } = database;
    const { demand, pair } = await newPair();
    await shortlistMatch(db, world.actor, pair.id);
    const introduced = await introduceMatch(db, world.actor, pair.id);
    expect(introduced.introducedAt).toBeInstanceOf(Date);
    const { collaboration } = await acceptMatch(db, world.actor, pair.id);
    expect(await candidateStatus(db, pair.id)).toBe('accepted');
    expect(collaboration).toMatchObject({
      demandId: demand.id,
      leadTeamId: world.team.id,
      stage: 'refine_demand',
    });
    const [demandRow] = await db.select().from(schema.demands).where(eq(schema.demands.id, demand.id));
    expect(demandRow!.status).toBe('matched');
    const teams = await db
      .select()
      .from(schema.collaborationTeams)
      .where(eq(schema.collaborationTeams.collaborationId, collaboration.id));
    expect(teams).toEqual([expect.objectContaining({ teamId: world.team.id, isLead: true })]);
    const trail = await findAuditTrail(db, 'match_candidate', [pair.id]);
    expect(trail.map((entry) => entry.action)).toEqual([
      'match.shortlisted',
      'match.introduced',
      'match.accepted',
    ]);
    expect(trail[2]).toMatchObject({
      actorUserId: world.staffUser.id,
      before: expect.objectContaining({ status: 'introduced' }),
      after: expect.objectContaining({ status: 'accepted' }),
    });
  });

  it('refuses to accept a declined pair with a clear message and changes nothing', async () => {
    const { db } = database;
    const { demand, pair } = await newPair();
    await declineMatch(db, world.actor, pair.id, { reason: 'budget_mismatch', note: '预算差距大' });
    const error = await acceptMatch(db, world.actor, pair.id).catch((caught) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/already declined, which is final/);
    expect(await candidateStatus(db, pair.id)).toBe('declined');
    const collaborations = await db
      .select()
      .from(schema.collaborations)
      .where(eq(schema.collaborations.demandId, demand.id));
    expect(collaborations).toEqual([]);
    const trail = await findAuditTrail(db, 'match_candidate', [pair.id]);
    expect(trail.map((entry) => entry.action)).toEqual(['match.declined']);
  });

  it('keeps the decline reason and note for the other side to see', async () => {
    const { pair } = await newPair();
    const declined = await declineMatch(database.db, world.actor, pair.id, {
      reason: 'capacity_full',
      note: '  明年再谈  ',
    });
    expect(declined).toMatchObject({
      status: 'declined',
      declineReason: 'capacity_full',
      declineNote: '明年再谈',
    });
    expect(declined.decidedAt).toBeInstanceOf(Date);
  });

  it('refuses a decline without a reason from the fixed list', async () => {
    const { pair } = await newPair();
    await expect(declineMatch(database.db, world.actor, pair.id, { reason: 'bored' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await candidateStatus(database.db, pair.id)).toBe('suggested');
  });

  it('refuses to accept a pair that was never introduced, and to shortlist an introduced one', async () => {
    const { db } = database;
    const { pair } = await newPair();
    await expect(acceptMatch(db, world.actor, pair.id)).rejects.toBeInstanceOf(ConflictError);
    await introduceMatch(db, world.actor, pair.id);
    await expect(shortlistMatch(db, world.actor, pair.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(introduceMatch(db, world.actor, pair.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await candidateStatus(db, pair.id)).toBe('introduced');
  });

  it('lets an accepted pair be neither declined nor accepted again', async () => {
    const { db } = database;
    const { pair } = await newPair({ teamId: world.otherTeam.id });
    await introduceMatch(db, world.actor, pair.id);
    await acceptMatch(db, world.actor, pair.id);
    await expect(declineMatch(db, world.actor, pair.id, { reason: 'other' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(acceptMatch(db, world.actor, pair.id)).rejects.toThrow(/already accepted/);
  });

  it("makes a faculty member's team lead a faculty pair, and refuses when the member has no team", async () => {
    const { db } = database;
    const withTeam = await newPair({ facultyId: world.member.id });
    await introduceMatch(db, world.actor, withTeam.pair.id);
    const { collaboration } = await acceptMatch(db, world.actor, withTeam.pair.id);
    expect(collaboration.leadTeamId).toBe(world.team.id);

    const sameTeam = await insertCandidate(db, {
      demandId: withTeam.demand.id,
      teamId: world.team.id,
      ...BOTH_INTERESTED,
    });
    await introduceMatch(db, world.actor, sameTeam.id);
    await expect(acceptMatch(db, world.actor, sameTeam.id)).rejects.toThrow(/already works on this demand/);
    expect(await candidateStatus(db, sameTeam.id)).toBe('introduced');
    await declineMatch(db, world.actor, sameTeam.id, { reason: 'other' });

    const alone = await newPair({ facultyId: world.loneFaculty.id });
    await introduceMatch(db, world.actor, alone.pair.id);
    await expect(acceptMatch(db, world.actor, alone.pair.id)).rejects.toThrow(/belongs to no team/);
    expect(await candidateStatus(db, alone.pair.id)).toBe('introduced');
    await declineMatch(db, world.actor, alone.pair.id, { reason: 'other' });
  });

  describe('the workload limit', () => {
    it('refuses an introduction beyond the limit staff set, counting faculty pairs against their team', async () => {
      const { db } = database;
      await setIntroductionLimit(db, world.actor, world.secondTeam.id, 2);
      const [member] = await db
        .insert(schema.faculty)
        .values({
          universityId: world.university.id,
          teamId: world.secondTeam.id,
          name: '周成员',
          title: 'lecturer',
        })
        .returning();
      const first = await newPair({ teamId: world.secondTeam.id });
      const second = await newPair({ facultyId: member!.id });
      const third = await newPair({ teamId: world.secondTeam.id });
      await introduceMatch(db, world.actor, first.pair.id);
      await introduceMatch(db, world.actor, second.pair.id);
      const error = await introduceMatch(db, world.actor, third.pair.id).catch((caught) => caught);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(/limit is 2/);
      expect(await candidateStatus(db, third.pair.id)).toBe('suggested');

      await declineMatch(db, world.actor, first.pair.id, { reason: 'timeline_mismatch' });
      await introduceMatch(db, world.actor, third.pair.id);
      expect(await candidateStatus(db, third.pair.id)).toBe('introduced');
    });

    it('audits a changed limit and refuses a limit that is not a whole number from 0 to 50', async () => {
      const { db } = database;
      await setIntroductionLimit(db, world.actor, world.otherTeam.id, '5');
      const trail = await findAuditTrail(db, 'team', [world.otherTeam.id]);
      expect(trail.at(-1)).toMatchObject({
        before: { introductionLimit: 3 },
        after: { introductionLimit: 5 },
      });
      for (const bad of ['-1', '51', 'many', '', '2.5'])
        await expect(setIntroductionLimit(db, world.actor, world.otherTeam.id, bad)).rejects.toBeInstanceOf(
          ValidationError,
        );
    });
  });

  it("lists a chain's open pairs with names and waiting days, interested ones first", async () => {
    const { db } = database;
    await db.update(schema.matchCandidates).set({ enterpriseInterested: false, profileInterested: false });
    const { pair } = await newPair({ teamId: world.otherTeam.id, profileInterested: false });
    await db
      .update(schema.matchCandidates)
      .set({ enterpriseInterested: true, score: 0.01 })
      .where(eq(schema.matchCandidates.id, pair.id));
    const queue = await listQueue(db, { chainCode: 'carbon_fiber', statuses: OPEN_STATUSES });
    expect(queue[0]).toMatchObject({
      id: pair.id,
      enterpriseName: world.enterprise.name,
      profileName: world.otherTeam.nameZh,
      universityName: world.otherUniversity.nameZh,
      waitingDays: 0,
    });
    expect(queue.every((entry) => OPEN_STATUSES.includes(entry.status))).toBe(true);
    expect(await listQueue(db, { chainCode: 'medical', statuses: OPEN_STATUSES })).toEqual([]);
  });
});
