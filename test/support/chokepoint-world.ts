import type { Database } from '../../services/db/index.js';
import { schema } from '../../services/db/index.js';
import { findUserById, type User } from '../../services/users/index.js';
import { insertUser } from './fixtures.js';
import { insertPortalWorld } from './portal-world.js';

/** The benchmark rate the fixtures set, in per cent, in force from 2024-01-01. */
export const FIXTURE_BENCHMARK_RATE = 3.45;

/**
 * The portal world, plus what the choke-point library needs: staff of another chain, a bank, the
 * fund and an insurer, and a benchmark rate in force.
 */
export async function insertChokepointWorld(db: Database) {
  const world = await insertPortalWorld(db);
  const [otherStaffMember] = await db
    .insert(schema.staff)
    .values({ name: '钱专班', chainCode: 'marine_equipment' })
    .returning();
  const otherStaffRow = await insertUser(db, {
    email: 'other-staff@example.gov.cn',
    role: 'staff',
    staffId: otherStaffMember!.id,
  });
  const [bank, fund, insurer] = await db
    .insert(schema.partnerOrganisations)
    .values([
      { name: '威海示例银行', kind: 'bank' },
      { name: '威海市科技创新引导基金', kind: 'fund' },
      { name: '威海示例财产保险', kind: 'insurer' },
    ])
    .returning();
  await db
    .insert(schema.benchmarkRates)
    .values({ ratePercent: FIXTURE_BENCHMARK_RATE, effectiveOn: '2024-01-01' });
  const asUser = async (id: number): Promise<User> => (await findUserById(db, id))!;
  const accounts = {
    enterprise: await asUser(world.users.enterprise.id),
    otherEnterprise: await asUser(world.users.otherEnterprise.id),
    university: await asUser(world.users.university.id),
    staff: await asUser(world.users.staff.id),
    otherStaff: await asUser(otherStaffRow.id),
    admin: await asUser(world.users.admin.id),
  };
  return {
    ...world,
    otherStaffUser: otherStaffRow,
    partners: { bank: bank!, fund: fund!, insurer: insurer! },
    accounts,
  };
}

export type ChokepointWorld = Awaited<ReturnType<typeof insertChokepointWorld>>;

/** A complete application, as the firm's form sends it. */
export const APPLICATION = {
  title: '高性能碳纤维预浸料快速固化攻关',
  breakthrough: '低温快速固化树脂体系',
  goals: '固化周期缩短 40%，孔隙率低于 1%',
  plan: '第一年完成树脂配方，第二年完成中试。',
  attachments: '可行性研究报告\n中试线设备清单',
  budget: '800',
  startsOn: '2025-01-01',
  endsOn: '2026-12-31',
};
