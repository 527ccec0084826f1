import type { Database } from '../../services/db/index.js';
import { schema } from '../../services/db/index.js';
import { enumLabel } from '../../services/i18n/index.js';
import { CHAIN_CODES, type UserRole } from '../../services/shared/enums.js';
import { hashPassword } from '../../services/users/index.js';

export const FIXTURE_PASSWORD = 'correct-horse-42';
let passwordHash: Promise<string> | null = null;

export async function insertChains(db: Database): Promise<void> {
  await db
    .insert(schema.chains)
    .values(
      CHAIN_CODES.map((code, index) => ({
        code,
        nameZh: enumLabel('zh-CN', 'chain', code),
        nameEn: enumLabel('en', 'chain', code),
        sortOrder: index + 1,
      })),
    )
    .onConflictDoNothing();
}

/** A small world: one university with a team and a faculty member, one enterprise, one staff member. */
export async function insertSmallWorld(db: Database) {
  await insertChains(db);
  const [university] = await db
    .insert(schema.universities)
    .values({ code: 'hitwh', nameZh: '哈尔滨工业大学（威海）', nameEn: 'HIT Weihai' })
    .returning();
  const [team] = await db
    .insert(schema.teams)
    .values({
      universityId: university!.id,
      nameZh: '先进复合材料成型团队',
      chainCode: 'carbon_fiber',
      researchDirections: ['复合材料成型', '树脂基碳纤维'],
      description: '树脂基碳纤维复合材料的成型与固化工艺研究。',
    })
    .returning();
  const [member] = await db
    .insert(schema.faculty)
    .values({
      universityId: university!.id,
      teamId: team!.id,
      name: '王建国',
      title: 'professor',
      isDoctoralSupervisor: true,
      researchDirections: ['热压罐固化'],
      bio: '长期从事复合材料固化研究。',
      email: 'wang@example.edu.cn',
      phone: '0631-0000001',
    })
    .returning();
  const [enterprise] = await db
    .insert(schema.enterprises)
    .values({
      name: '威海示例复材科技有限公司',
      industry: '碳纤维复合材料',
      size: 'medium',
      contactName: '刘经理',
      contactPhone: '0631-1234567',
      contactEmail: 'liu@example.com',
    })
    .returning();
  const [staffMember] = await db
    .insert(schema.staff)
    .values({ name: '赵专班', chainCode: 'carbon_fiber' })
    .returning();
  return {
    university: university!,
    team: team!,
    member: member!,
    enterprise: enterprise!,
    staffMember: staffMember!,
  };
}

export async function insertUser(
  db: Database,
  values: {
    email: string;
    role: UserRole;
    status?: 'pending' | 'active' | 'disabled';
    enterpriseId?: number;
    teamId?: number;
    facultyId?: number;
    staffId?: number;
  },
) {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const [user] = await db
    .insert(schema.users)
    .values({
      displayName: values.email.split('@')[0]!,
      status: 'active',
      ...values,
      passwordHash: await passwordHash,
    })
    .returning();
  return user!;
}
