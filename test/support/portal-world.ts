import { eq } from 'drizzle-orm';
import type { Database } from '../../services/db/index.js';
import { schema } from '../../services/db/index.js';
import { insertSmallWorld, insertUser } from './fixtures.js';

/** A demand's columns as the fixtures set them; the rest take the schema's defaults. */
type DemandValues = Partial<typeof schema.demands.$inferInsert> & { enterpriseId: number; title: string };

export async function insertDemand(db: Database, values: DemandValues) {
  const [demand] = await db
    .insert(schema.demands)
    .values({
      description: '我公司生产树脂基碳纤维复合材料构件，需缩短热压罐固化周期并降低孔隙率。',
      chainCode: 'carbon_fiber',
      demandClass: 'chokepoint',
      status: 'published',
      ...values,
    })
    .returning();
  return demand!;
}

/**
 * The small world, plus what the portal's rules need to be tested: a second enterprise and a second
 * team, one account for each role, and demands public, confidential and draft.
 */
export async function insertPortalWorld(db: Database) {
  const world = await insertSmallWorld(db);
  await db.update(schema.teams).set({ leaderId: world.member.id }).where(eq(schema.teams.id, world.team.id));
  const [otherEnterprise] = await db
    .insert(schema.enterprises)
    .values({ name: '威海另一家船舶企业', industry: '船舶', size: 'large', contactName: '孙经理' })
    .returning();
  const [otherTeam] = await db
    .insert(schema.teams)
    .values({
      universityId: world.university.id,
      nameZh: '船舶减振降噪团队',
      chainCode: 'marine_equipment',
      researchDirections: ['船舶振动', '噪声控制'],
      description: '船舶与海洋平台的振动噪声预报与控制。',
    })
    .returning();
  const [otherMember] = await db
    .insert(schema.faculty)
    .values({
      universityId: world.university.id,
      teamId: otherTeam!.id,
      name: '李海洋',
      title: 'associate_professor',
      researchDirections: ['船舶振动'],
      bio: '船舶结构振动研究。',
      email: 'li@example.edu.cn',
    })
    .returning();
  const [work] = await db
    .insert(schema.works)
    .values({
      facultyId: world.member.id,
      kind: 'patent',
      title: '一种碳纤维预浸料快速固化方法',
      summary: '降低固化温度，缩短固化周期。',
      year: 2021,
    })
    .returning();
  const [otherWork] = await db
    .insert(schema.works)
    .values({ facultyId: otherMember!.id, kind: 'paper', title: '船体振动噪声预报', year: 2020 })
    .returning();
  const [result] = await db
    .insert(schema.results)
    .values({ ownerTeamId: world.team.id, chainCode: 'carbon_fiber', title: '快速固化预浸料', trl: 6 })
    .returning();
  const [otherResult] = await db
    .insert(schema.results)
    .values({ ownerTeamId: otherTeam!.id, chainCode: 'marine_equipment', title: '船用减振器', trl: 7 })
    .returning();

  const publicDemand = await insertDemand(db, {
    enterpriseId: world.enterprise.id,
    title: '碳纤维复合材料固化工艺优化',
  });
  const confidentialDemand = await insertDemand(db, {
    enterpriseId: world.enterprise.id,
    title: '保密：新型碳纤维预浸料固化体系',
    visibility: 'confidential',
  });
  const draftDemand = await insertDemand(db, {
    enterpriseId: world.enterprise.id,
    title: '草稿：复合材料无损检测',
    status: 'draft',
  });
  const otherDemand = await insertDemand(db, {
    enterpriseId: otherEnterprise!.id,
    title: '船舶推进轴系减振',
    description: '需要降低船舶推进轴系振动与舱室噪声。',
    chainCode: 'marine_equipment',
    visibility: 'confidential',
  });

  const users = {
    enterprise: await insertUser(db, {
      email: 'firm@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    }),
    otherEnterprise: await insertUser(db, {
      email: 'other-firm@example.com',
      role: 'enterprise',
      enterpriseId: otherEnterprise!.id,
    }),
    university: await insertUser(db, {
      email: 'leader@example.edu.cn',
      role: 'university',
      teamId: world.team.id,
      facultyId: world.member.id,
    }),
    otherUniversity: await insertUser(db, {
      email: 'other-leader@example.edu.cn',
      role: 'university',
      teamId: otherTeam!.id,
      facultyId: otherMember!.id,
    }),
    staff: await insertUser(db, {
      email: 'staff@example.gov.cn',
      role: 'staff',
      staffId: world.staffMember.id,
    }),
    admin: await insertUser(db, { email: 'admin@example.gov.cn', role: 'admin' }),
  };
  return {
    ...world,
    otherEnterprise: otherEnterprise!,
    otherTeam: otherTeam!,
    otherMember: otherMember!,
    work: work!,
    otherWork: otherWork!,
    result: result!,
    otherResult: otherResult!,
    publicDemand,
    confidentialDemand,
    draftDemand,
    otherDemand,
    users,
  };
}

export type PortalWorld = Awaited<ReturnType<typeof insertPortalWorld>>;
