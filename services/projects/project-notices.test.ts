import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../services/db/index.js';
import { type NoticeKind, noticeSentence } from '../../services/notifications/index.js';
import {
  APPLICATION,
  type ChokepointWorld,
  FIXTURE_BENCHMARK_RATE,
  insertChokepointWorld,
} from '../../test/support/chokepoint-world.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertDemand } from '../../test/support/portal-world.js';
import { ForbiddenError } from '../shared/errors.js';
import {
  applyForProject,
  getProjectForUser,
  recordSupport,
  resubmitProject,
  reviewProject,
} from './index.js';

describeEachDatabase('notices of the choke-point library', (kind) => {
  let database: TestDatabase;
  let world: ChokepointWorld;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertChokepointWorld(database.db);
  });
  afterAll(() => database.dispose());

  const noticesOf = async (userId: number, noticeKind: NoticeKind) =>
    (
      await database.db
        .select()
        .from(schema.notifications)
        .where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, noticeKind)))
        .orderBy(schema.notifications.id)
    ).map((row) => ({ ...row, kind: noticeKind }));
  const mailsOf = (userId: number) =>
    database.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.userId, userId));

  it('tells the chain’s staff of an application and the firm of its admission, but nothing of a refused or rolled-back review', async () => {
    const { db } = database;
    const { enterprise, staff, otherStaff } = world.accounts;
    const demand = await insertDemand(db, { enterpriseId: world.enterprise.id, title: '碳纤维织物卡脖子' });
    const id = await applyForProject(db, enterprise, demand.id, APPLICATION);
    expect(await noticesOf(staff.id, 'project_submitted')).toMatchObject([
      { link: `/staff/projects/${id}`, params: { variant: 'applied', project: APPLICATION.title } },
    ]);
    expect(await noticesOf(otherStaff.id, 'project_submitted')).toEqual([]);

    // Staff of another chain are refused; a review whose transaction rolls back after it leaves nothing.
    await expect(reviewProject(db, otherStaff, id, { decision: 'admit' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      db.transaction(async (tx) => {
        await reviewProject(tx, staff, id, { decision: 'admit' });
        throw new Error('the surrounding change failed');
      }),
    ).rejects.toThrow('the surrounding change failed');
    expect((await getProjectForUser(db, enterprise, id)).status).toBe('submitted');
    expect(await noticesOf(enterprise.id, 'project_reviewed')).toEqual([]);
    const mailsBefore = (await mailsOf(enterprise.id)).length;

    await reviewProject(db, staff, id, { decision: 'admit' });
    const [admitted, ...others] = await noticesOf(enterprise.id, 'project_reviewed');
    expect(others).toEqual([]);
    expect(admitted).toMatchObject({ link: `/projects/${id}`, params: { variant: 'admit' } });
    expect(noticeSentence('zh-CN', admitted!)).toBe(`您的卡脖子项目《${APPLICATION.title}》已审核通过，入库`);
    // A review outcome comes by mail at once.
    expect((await mailsOf(enterprise.id)).length).toBe(mailsBefore + 1);

    // Support is told too, in the daily digest rather than at once.
    await recordSupport(db, staff, id, {
      kind: 'loan',
      partnerId: String(world.partners.bank.id),
      amount: '5000000',
      grantedOn: '2025-03-01',
      termMonths: '24',
      ratePercent: String(FIXTURE_BENCHMARK_RATE),
    });
    const [supported] = await noticesOf(enterprise.id, 'project_supported');
    expect(supported).toMatchObject({ link: `/projects/${id}`, digestPending: true });
    expect(noticeSentence('en', supported!)).toBe(
      `Support was recorded for your choke-point project “${APPLICATION.title}”: Loan (choke-point loan)`,
    );
    expect((await mailsOf(enterprise.id)).length).toBe(mailsBefore + 1);
  });

  it('tells the firm what to change, and the staff when it comes back', async () => {
    const { db } = database;
    const { enterprise, staff } = world.accounts;
    const demand = await insertDemand(db, { enterpriseId: world.enterprise.id, title: '碳纤维胶接卡脖子' });
    const id = await applyForProject(db, enterprise, demand.id, APPLICATION);
    await reviewProject(db, staff, id, { decision: 'changes', note: '请补充中试线预算明细' });
    const [changes] = (await noticesOf(enterprise.id, 'project_reviewed')).filter(
      (notice) => notice.link === `/projects/${id}`,
    );
    expect(noticeSentence('en', changes!)).toBe(
      `Your choke-point project “${APPLICATION.title}” needs changes before review: 请补充中试线预算明细`,
    );
    await resubmitProject(db, enterprise, id, { ...APPLICATION, title: '预浸料快速固化攻关（修订）' });
    const submitted = (await noticesOf(staff.id, 'project_submitted')).filter(
      (notice) => notice.link === `/staff/projects/${id}`,
    );
    expect(submitted.map((notice) => notice.params)).toMatchObject([
      { variant: 'applied' },
      { variant: 'resubmitted', project: '预浸料快速固化攻关（修订）' },
    ]);
  });
});
