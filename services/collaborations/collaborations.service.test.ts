import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptMatch, introduceMatch } from '../../services/brokering/index.js';
import {
  BOTH_INTERESTED,
  insertBrokeringWorld,
  insertCandidate,
  insertDemand,
} from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { todayInCity } from '../shared/city-date.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import {
  addMilestone,
  addNote,
  getCollaboration,
  listCollaborations,
  moveStage,
  recordOutcomes,
  setMilestoneCompletion,
} from './index.js';

describe("the city's today", () => {
  it('follows Weihai time, not the server zone', () => {
    expect(todayInCity(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(todayInCity(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });
});

describeEachDatabase('a collaboration record', (kind) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
  });
  afterAll(() => database.dispose());

  const newCollaboration = async () => {
    const demand = await insertDemand(database.db, world.enterprise.id);
    const pair = await insertCandidate(database.db, {
      demandId: demand.id,
      teamId: world.team.id,
      ...BOTH_INTERESTED,
    });
    await introduceMatch(database.db, world.actor, pair.id);
    return (await acceptMatch(database.db, world.actor, pair.id)).collaboration;
  };

  it('moves forward through the four stages one at a time', async () => {
    const { db } = database;
    const collaboration = await newCollaboration();
    await expect(
      moveStage(db, world.actor, collaboration.id, { to: 'joint_research' }),
    ).rejects.toBeInstanceOf(ConflictError);
    for (const stage of ['design_task', 'joint_research', 'commercialise'])
      expect((await moveStage(db, world.actor, collaboration.id, { to: stage })).stage).toBe(stage);
    await expect(
      moveStage(db, world.actor, collaboration.id, { to: 'commercialise' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses to move back without a note, and with one records why in the notes and the history', async () => {
    const { db } = database;
    const collaboration = await newCollaboration();
    await moveStage(db, world.actor, collaboration.id, { to: 'design_task' });
    const refused = await moveStage(db, world.actor, collaboration.id, {
      to: 'refine_demand',
      note: '  ',
    }).catch((caught) => caught);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.details).toEqual({ note: 'stage.backNeedsNote' });
    expect((await getCollaboration(db, collaboration.id)).stage).toBe('design_task');

    const moved = await moveStage(db, world.actor, collaboration.id, {
      to: 'refine_demand',
      note: '企业调整了指标',
    });
    expect(moved.stage).toBe('refine_demand');
    expect(moved.notes).toContain('企业调整了指标');
    const detail = await getCollaboration(db, collaboration.id);
    expect(detail.history.map((entry) => entry.action)).toEqual([
      'collaboration.created',
      'collaboration.stage_advanced',
      'collaboration.stage_moved_back',
    ]);
    expect(detail.history[2]).toMatchObject({
      actorUserId: world.staffUser.id,
      before: { stage: 'design_task' },
      after: { stage: 'refine_demand', note: '企业调整了指标' },
    });
  });

  it('flags a milestone overdue when it is not done and was due before today', async () => {
    const { db } = database;
    const collaboration = await newCollaboration();
    const late = await addMilestone(db, world.actor, collaboration.id, {
      title: '签订技术开发合同',
      stage: 'design_task',
      dueOn: '2020-01-15',
    });
    const dueToday = await addMilestone(db, world.actor, collaboration.id, {
      title: '联合调研',
      stage: 'refine_demand',
      dueOn: todayInCity(),
    });
    expect(late.overdue).toBe(true);
    expect(dueToday.overdue).toBe(false);
    expect((await getCollaboration(db, collaboration.id)).overdueMilestones).toBe(1);
    const listed = await listCollaborations(db, { chainCode: 'carbon_fiber' });
    expect(listed.find((summary) => summary.id === collaboration.id)?.overdueMilestones).toBe(1);

    const done = await setMilestoneCompletion(db, world.actor, collaboration.id, late.id, {
      done: true,
      doneOn: '2020-02-01',
    });
    expect(done).toMatchObject({ doneOn: '2020-02-01', overdue: false });
    const detail = await getCollaboration(db, collaboration.id);
    expect(detail.overdueMilestones).toBe(0);
    expect(detail.history.map((entry) => entry.action)).toContain('milestone.done');

    const reopened = await setMilestoneCompletion(db, world.actor, collaboration.id, late.id, {
      done: false,
    });
    expect(reopened.overdue).toBe(true);
    const other = await newCollaboration();
    await expect(
      setMilestoneCompletion(db, world.actor, other.id, late.id, { done: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a milestone without a title, a stage or a valid date', async () => {
    const collaboration = await newCollaboration();
    const error = await addMilestone(database.db, world.actor, collaboration.id, {
      title: '',
      stage: 'someday',
      dueOn: '2026-02-30',
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details).toEqual({
      title: 'validation.required',
      stage: 'validation.choose',
      dueOn: 'validation.date',
    });
  });

  it('records outcomes and notes, auditing before and after', async () => {
    const { db } = database;
    const collaboration = await newCollaboration();
    const updated = await recordOutcomes(db, world.actor, collaboration.id, {
      contractValue: '120.5',
      patentsGranted: '2',
      newProducts: '1',
      revenue: '300',
    });
    expect(updated).toMatchObject({ contractValue: 120.5, patentsGranted: 2, newProducts: 1, revenue: 300 });
    await expect(
      recordOutcomes(db, world.actor, collaboration.id, {
        contractValue: '-3',
        patentsGranted: 'two',
        newProducts: '0',
        revenue: '',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await addNote(db, world.actor, collaboration.id, '第一次联合调研完成');
    const detail = await getCollaboration(db, collaboration.id);
    expect(detail.notes).toContain('第一次联合调研完成');
    expect(detail.contractValue).toBe(120.5);
    expect(detail.teams).toEqual([expect.objectContaining({ teamId: world.team.id, isLead: true })]);
    const outcomes = detail.history.find((entry) => entry.action === 'collaboration.outcomes_recorded');
    expect(outcomes).toMatchObject({ before: { patentsGranted: 0 }, after: { patentsGranted: 2 } });
  });
});
