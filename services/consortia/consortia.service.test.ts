import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChokepointWorld, insertChokepointWorld } from '../../test/support/chokepoint-world.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertDemand } from '../../test/support/portal-world.js';
import { schema } from '../db/index.js';
import { MatchingService } from '../matching/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import {
  addConsortiumMember,
  addConsortiumTask,
  createConsortium,
  getConsortiumForUser,
  listConsortiaOfMember,
  markDemandAsTask,
  rankTeamsForConsortium,
  removeConsortiumMember,
  setConsortiumTaskStatus,
} from './index.js';

describeEachDatabase('innovation consortia', (kind) => {
  let database: TestDatabase;
  let world: ChokepointWorld;
  let consortiumId: number;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertChokepointWorld(database.db);
    consortiumId = await createConsortium(database.db, world.accounts.staff, {
      name: '碳纤维复合材料创新联合体',
      leadEnterpriseId: String(world.enterprise.id),
      technologyLine: '碳纤维复合材料固化成型',
      chainCode: 'carbon_fiber',
      description: '龙头企业牵头，高校支撑，上下游协同的一体化研发。',
    });
  });
  afterAll(() => database.dispose());

  it('starts with the lead firm as its lead member, and takes teams as supporting and firms upstream or downstream', async () => {
    const { db } = database;
    const { staff } = world.accounts;
    await addConsortiumMember(db, staff, consortiumId, {
      kind: 'team',
      memberId: String(world.team.id),
      role: 'supporting',
    });
    await addConsortiumMember(db, staff, consortiumId, {
      kind: 'enterprise',
      memberId: String(world.otherEnterprise.id),
      role: 'downstream',
    });
    await expect(
      addConsortiumMember(db, staff, consortiumId, {
        kind: 'team',
        memberId: String(world.team.id),
        role: 'supporting',
      }),
    ).rejects.toMatchObject({ details: { memberId: 'consortium.alreadyMember' } });
    await expect(
      addConsortiumMember(db, staff, consortiumId, {
        kind: 'team',
        memberId: String(world.otherTeam.id),
        role: 'upstream',
      }),
    ).rejects.toMatchObject({ details: { role: 'consortium.academiaSupports' } });
    await expect(
      addConsortiumMember(db, staff, consortiumId, { kind: 'enterprise', memberId: '999999', role: 'lead' }),
    ).rejects.toMatchObject({ details: { role: 'consortium.oneLead' } });
    const detail = await getConsortiumForUser(db, staff, consortiumId);
    expect(detail.members.map((member) => [member.kind, member.role, member.name])).toEqual([
      ['enterprise', 'lead', world.enterprise.name],
      ['team', 'supporting', world.team.nameZh],
      ['enterprise', 'downstream', world.otherEnterprise.name],
    ]);
    const lead = detail.members[0]!;
    await expect(removeConsortiumMember(db, staff, consortiumId, lead.id)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await getConsortiumForUser(db, staff, consortiumId)).members).toHaveLength(3);
  });

  it('marks a member firm’s demand as a joint task, and refuses a non-member’s or a second time', async () => {
    const { db } = database;
    const { staff } = world.accounts;
    const taskId = await markDemandAsTask(db, staff, consortiumId, world.publicDemand.id);
    await expect(markDemandAsTask(db, staff, consortiumId, world.publicDemand.id)).rejects.toMatchObject({
      details: { demandId: 'consortium.alreadyTask' },
    });
    await setConsortiumTaskStatus(db, staff, consortiumId, taskId, 'under_way');
    const detail = await getConsortiumForUser(db, staff, consortiumId);
    expect(detail.tasks).toEqual([
      expect.objectContaining({
        id: taskId,
        demandId: world.publicDemand.id,
        title: world.publicDemand.title,
        status: 'under_way',
      }),
    ]);
    await expect(setConsortiumTaskStatus(db, staff, consortiumId, taskId, 'finished')).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('refuses a demand of a firm outside the consortium', async () => {
    const { db } = database;
    const stranger = await db
      .insert(schema.enterprises)
      .values({ name: '联合体外企业', industry: '碳纤维', size: 'small' })
      .returning();
    const demand = await insertDemand(db, { enterpriseId: stranger[0]!.id, title: '外部需求' });
    await expect(markDemandAsTask(db, world.accounts.staff, consortiumId, demand.id)).rejects.toMatchObject({
      details: { demandId: 'consortium.demandNotMember' },
    });
    await expect(
      addConsortiumTask(db, world.accounts.staff, consortiumId, { title: '', demandId: '' }),
    ).rejects.toMatchObject({ details: { title: 'validation.required' } });
  });

  it('is kept by staff of its chain only, and shown to its members and to nobody else outside the bureau', async () => {
    const { db } = database;
    const { otherStaff, enterprise, otherEnterprise, university } = world.accounts;
    await expect(
      addConsortiumMember(db, otherStaff, consortiumId, {
        kind: 'team',
        memberId: String(world.otherTeam.id),
        role: 'supporting',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createConsortium(db, otherStaff, {
        name: '另一个联合体',
        leadEnterpriseId: String(world.enterprise.id),
        technologyLine: '碳纤维',
        chainCode: 'carbon_fiber',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getConsortiumForUser(db, enterprise, consortiumId)).id).toBe(consortiumId);
    expect((await getConsortiumForUser(db, university, consortiumId)).id).toBe(consortiumId);
    expect((await getConsortiumForUser(db, otherEnterprise, consortiumId)).id).toBe(consortiumId);
    expect((await listConsortiaOfMember(db, otherEnterprise)).map((item) => item.id)).toEqual([consortiumId]);
    const otherUniversity = {
      ...university,
      id: world.users.otherUniversity.id,
      teamId: world.otherTeam.id,
      facultyId: world.otherMember.id,
    };
    await expect(getConsortiumForUser(db, otherUniversity, consortiumId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await listConsortiaOfMember(db, otherUniversity)).toEqual([]);
  });

  it('ranks the city’s teams for the consortium’s line through the matcher, marking members', async () => {
    const matching = await MatchingService.start(database);
    try {
      const ranked = await rankTeamsForConsortium(database.db, matching, world.accounts.staff, consortiumId);
      expect(ranked[0]).toMatchObject({ id: world.team.id, isMember: true });
      expect(ranked[0]!.terms.length).toBeGreaterThan(0);
    } finally {
      await matching.stop();
    }
  });
});
