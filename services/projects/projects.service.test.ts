import { afterAll, beforeAll, expect, it } from 'vitest';
import { findAuditTrail } from '../../services/audit/index.js';
import {
  APPLICATION,
  type ChokepointWorld,
  insertChokepointWorld,
} from '../../test/support/chokepoint-world.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertDemand } from '../../test/support/portal-world.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import {
  applyForProject,
  getProjectForUser,
  listLibrary,
  listProjectsOfFirm,
  resubmitProject,
  reviewProject,
} from './index.js';

describeEachDatabase('the choke-point project library', (kind) => {
  let database: TestDatabase;
  let world: ChokepointWorld;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertChokepointWorld(database.db);
  });
  afterAll(() => database.dispose());

  const newDemand = (title: string, values: Record<string, unknown> = {}) =>
    insertDemand(database.db, { enterpriseId: world.enterprise.id, title, ...values });

  it('takes a firm’s application from its choke-point demand, then staff send it back, the firm revises and staff admit it, each step audited', async () => {
    const { db } = database;
    const { enterprise, staff } = world.accounts;
    const demand = await newDemand('碳纤维缠绕成型卡脖子');
    const id = await applyForProject(db, enterprise, demand.id, APPLICATION);
    let project = await getProjectForUser(db, enterprise, id);
    expect(project).toMatchObject({
      status: 'submitted',
      chainCode: 'carbon_fiber',
      budget: 800,
      demandId: demand.id,
    });
    expect(project.attachments).toEqual(['可行性研究报告', '中试线设备清单']);

    await expect(reviewProject(db, staff, id, { decision: 'changes' })).rejects.toMatchObject({
      details: { note: 'project.changesNeedNote' },
    });
    await reviewProject(db, staff, id, { decision: 'changes', note: '请补充中试线预算明细' });
    project = await getProjectForUser(db, enterprise, id);
    expect(project).toMatchObject({ status: 'changes_requested', reviewNote: '请补充中试线预算明细' });
    await expect(reviewProject(db, staff, id, { decision: 'admit' })).rejects.toBeInstanceOf(ConflictError);

    await resubmitProject(db, enterprise, id, { ...APPLICATION, budget: '900' });
    await reviewProject(db, staff, id, { decision: 'admit' });
    project = await getProjectForUser(db, staff, id);
    expect(project.status).toBe('admitted');
    expect(project.admittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const trail = await findAuditTrail(db, 'chokepoint_project', [id]);
    expect(trail.map((entry) => entry.action)).toEqual([
      'project.applied',
      'project.changes_requested',
      'project.resubmitted',
      'project.admitted',
    ]);
    expect(trail.map((entry) => entry.actorLabel)).toEqual([
      enterprise.email,
      staff.email,
      enterprise.email,
      staff.email,
    ]);
  });

  it('rejects only with a reason, and lets the firm apply again from the same demand afterwards', async () => {
    const { db } = database;
    const { enterprise, staff } = world.accounts;
    const demand = await newDemand('碳纤维拉挤工艺卡脖子');
    const id = await applyForProject(db, enterprise, demand.id, APPLICATION);
    await expect(applyForProject(db, enterprise, demand.id, APPLICATION)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(reviewProject(db, staff, id, { decision: 'reject', note: '  ' })).rejects.toMatchObject({
      details: { note: 'project.rejectNeedsReason' },
    });
    await reviewProject(db, staff, id, { decision: 'reject', note: '技术路线已由他人突破' });
    expect((await getProjectForUser(db, enterprise, id)).reviewNote).toBe('技术路线已由他人突破');
    expect(await applyForProject(db, enterprise, demand.id, APPLICATION)).toBeGreaterThan(id);
  });

  it('keeps staff of another chain from deciding, and changes nothing when they try', async () => {
    const { db } = database;
    const demand = await newDemand('碳纤维回收卡脖子');
    const id = await applyForProject(db, world.accounts.enterprise, demand.id, APPLICATION);
    await expect(
      reviewProject(db, world.accounts.otherStaff, id, { decision: 'admit' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getProjectForUser(db, world.accounts.admin, id)).status).toBe('submitted');
    await reviewProject(db, world.accounts.admin, id, { decision: 'admit' });
    expect((await getProjectForUser(db, world.accounts.otherStaff, id)).status).toBe('admitted');
  });

  it('refuses a demand that is not choke-point, someone else’s demand, a bad plan and a team not on the demand', async () => {
    const { db } = database;
    const { enterprise, otherEnterprise } = world.accounts;
    const chainDemand = await newDemand('链条式技术需求', { demandClass: 'chain' });
    await expect(applyForProject(db, enterprise, chainDemand.id, APPLICATION)).rejects.toMatchObject({
      details: { demand: 'project.notChokepoint' },
    });
    const own = await newDemand('碳纤维检测卡脖子');
    await expect(applyForProject(db, otherEnterprise, own.id, APPLICATION)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      applyForProject(db, enterprise, own.id, {
        ...APPLICATION,
        title: '',
        budget: '-3',
        endsOn: '2024-01-01',
      }),
    ).rejects.toMatchObject({
      details: { title: 'validation.required', budget: 'project.amount', endsOn: 'project.periodOrder' },
    });
    await expect(
      applyForProject(db, enterprise, own.id, { ...APPLICATION, teamIds: [String(world.otherTeam.id)] }),
    ).rejects.toMatchObject({ details: { teamIds: 'project.teamNotOnDemand' } });
    expect((await listProjectsOfFirm(db, enterprise)).some((project) => project.demandId === own.id)).toBe(
      false,
    );
  });

  it('shows a firm only its own applications, and the library counts by status per chain', async () => {
    const { db } = database;
    const theirs = await insertDemand(db, {
      enterpriseId: world.otherEnterprise.id,
      title: '船舶推进卡脖子',
      chainCode: 'marine_equipment',
    });
    const theirId = await applyForProject(db, world.accounts.otherEnterprise, theirs.id, APPLICATION);
    const mine = await listProjectsOfFirm(db, world.accounts.enterprise);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((project) => project.enterpriseId === world.enterprise.id)).toBe(true);
    await expect(getProjectForUser(db, world.accounts.enterprise, theirId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getProjectForUser(db, world.accounts.university, theirId)).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    const marine = await listLibrary(db, { chainCode: 'marine_equipment' });
    expect(marine.projects.map((project) => project.id)).toEqual([theirId]);
    expect(marine.countsByStatus).toEqual({ submitted: 1, changes_requested: 0, admitted: 0, rejected: 0 });
    const carbon = await listLibrary(db, { chainCode: 'carbon_fiber', status: 'admitted' });
    expect(carbon.projects.every((project) => project.status === 'admitted')).toBe(true);
    expect(carbon.countsByStatus.admitted).toBe(carbon.projects.length);
    expect(carbon.total).toBeGreaterThan(carbon.projects.length);
    const searched = await listLibrary(db, { text: '船舶' });
    expect(searched.projects.map((project) => project.id)).toEqual([theirId]);
  });

  it('refuses an unknown decision without changing the project', async () => {
    const { db } = database;
    const demand = await newDemand('碳纤维织物卡脖子');
    const id = await applyForProject(db, world.accounts.enterprise, demand.id, APPLICATION);
    await expect(reviewProject(db, world.accounts.staff, id, { decision: 'approve' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await getProjectForUser(db, world.accounts.staff, id)).status).toBe('submitted');
  });
});
