import { eq } from 'drizzle-orm';
import type { Actor } from '../../services/audit/index.js';
import type { Database } from '../../services/db/index.js';
import { schema } from '../../services/db/index.js';
import { insertSmallWorld, insertUser } from './fixtures.js';

/**
 * The small world plus what brokering needs: a second university with a team, a faculty member
 * without a team, published demands of the enterprise, and a staff account to act as.
 */
export async function insertBrokeringWorld(db: Database) {
  const world = await insertSmallWorld(db);
  const [otherUniversity] = await db
    .insert(schema.universities)
    .values({ code: 'sdu', nameZh: '山东大学（威海）', nameEn: 'Shandong University Weihai' })
    .returning();
  const [otherTeam] = await db
    .insert(schema.teams)
    .values({ universityId: otherUniversity!.id, nameZh: '碳纤维结构设计团队', chainCode: 'carbon_fiber' })
    .returning();
  const [secondTeam] = await db
    .insert(schema.teams)
    .values({ universityId: world.university.id, nameZh: '树脂体系团队', chainCode: 'carbon_fiber' })
    .returning();
  const [loneFaculty] = await db
    .insert(schema.faculty)
    .values({ universityId: otherUniversity!.id, name: '李独立', title: 'associate_professor' })
    .returning();
  const staffUser = await insertUser(db, {
    email: `staff-${world.staffMember.id}@example.gov.cn`,
    role: 'staff',
    staffId: world.staffMember.id,
  });
  const actor: Actor = { userId: staffUser.id, label: staffUser.email };
  return {
    ...world,
    otherUniversity: otherUniversity!,
    otherTeam: otherTeam!,
    secondTeam: secondTeam!,
    loneFaculty: loneFaculty!,
    staffUser,
    actor,
  };
}

let demandCounter = 0;

export async function insertDemand(
  db: Database,
  enterpriseId: number,
  values: Partial<typeof schema.demands.$inferInsert> = {},
) {
  demandCounter += 1;
  const [demand] = await db
    .insert(schema.demands)
    .values({
      enterpriseId,
      title: `碳纤维复合材料固化工艺需求 ${demandCounter}`,
      description: '需要缩短热压罐固化周期。',
      chainCode: 'carbon_fiber',
      demandClass: 'chokepoint',
      status: 'published',
      ...values,
    })
    .returning();
  return demand!;
}

export async function insertCandidate(
  db: Database,
  values: {
    demandId: number;
    teamId?: number;
    facultyId?: number;
    score?: number;
    status?: string;
    enterpriseInterested?: boolean;
    profileInterested?: boolean;
  },
) {
  const [pair] = await db
    .insert(schema.matchCandidates)
    .values({
      score: 0.5,
      explanation: { terms: [['固化', 0.6]], evidence: null },
      ...values,
      ...(values.status === 'declined' ? { declineReason: 'other' } : {}),
    })
    .returning();
  return pair!;
}

/** Both sides said interested in the portal: the consent an accept needs. */
export const BOTH_INTERESTED = { enterpriseInterested: true, profileInterested: true } as const;

export async function candidateStatus(db: Database, id: number): Promise<string> {
  const [row] = await db
    .select({ status: schema.matchCandidates.status })
    .from(schema.matchCandidates)
    .where(eq(schema.matchCandidates.id, id));
  return row!.status;
}
