import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import { seedReferences } from '../imports/fixtures.test-support.js';

/** A small city with every shape the lists must carry: nulls, lists, ranges, both kinds of owner. */
export async function seedSmallCity(db: Database) {
  await seedReferences(db);
  const [hit, sdu] = await db.select().from(schema.universities).orderBy(schema.universities.id);
  const [composites, marine] = await db
    .insert(schema.teams)
    .values([
      {
        universityId: hit!.id,
        nameZh: '先进复合材料团队',
        nameEn: 'Advanced composites',
        chainCode: 'carbon_fiber',
        researchDirections: ['碳纤维', '树脂固化'],
        description: '复合材料成型与检测, "热压罐"工艺',
      },
      { universityId: sdu!.id, nameZh: '海洋生物活性物质团队', chainCode: 'marine_bio' },
    ])
    .returning();
  const [zhang, li] = await db
    .insert(schema.faculty)
    .values([
      {
        universityId: hit!.id,
        teamId: composites!.id,
        name: '张伟',
        title: 'professor',
        isDoctoralSupervisor: true,
        chiefScientistChain: 'carbon_fiber',
        researchDirections: ['预浸料', '热压罐固化'],
        bio: '长期从事复合材料研究。\n主持国家项目多项。',
        email: 'zhang@example.edu.cn',
      },
      {
        universityId: sdu!.id,
        teamId: null,
        name: '李娜',
        title: 'associate_researcher',
        phone: '0631-5688000',
      },
    ])
    .returning();
  await db.update(schema.teams).set({ leaderId: zhang!.id }).where(eq(schema.teams.id, composites!.id));
  const [guangwei, medical] = await db
    .insert(schema.enterprises)
    .values([
      { name: '威海光威复合材料股份有限公司', industry: '碳纤维', size: 'large', contactName: '刘工' },
      {
        name: '=HYPERLINK("x") 医疗器械有限公司',
        industry: '医疗器械',
        size: 'small',
        address: '威海市环翠区',
      },
    ])
    .returning();
  await db.insert(schema.enterpriseChains).values([
    { enterpriseId: guangwei!.id, chainCode: 'carbon_fiber' },
    { enterpriseId: guangwei!.id, chainCode: 'marine_equipment' },
  ]);
  const [curing, stent] = await db
    .insert(schema.demands)
    .values([
      {
        enterpriseId: guangwei!.id,
        title: '碳纤维预浸料快速固化',
        titleEn: 'Fast-curing prepreg',
        description: '固化周期从 8 小时缩短到 2 小时',
        chainCode: 'carbon_fiber',
        demandClass: 'chokepoint',
        expectedTrl: 6,
        budgetMin: 50,
        budgetMax: 200,
        deadline: '2025-03-01',
        visibility: 'confidential',
        status: 'published',
      },
      {
        enterpriseId: medical!.id,
        title: '可降解血管支架',
        description: '材料,工艺',
        chainCode: 'medical',
        demandClass: 'disruptive',
        budgetMin: 30,
        status: 'draft',
      },
    ])
    .returning();
  await db.insert(schema.results).values([
    {
      ownerTeamId: composites!.id,
      title: '低成本碳纤维预浸料',
      trl: 5,
      ipStatus: 'patent_granted',
      chainCode: 'carbon_fiber',
    },
    {
      ownerTeamId: composites!.id,
      ownerFacultyId: zhang!.id,
      title: '固化监测系统',
      ipStatus: 'software_copyright',
    },
    { ownerFacultyId: li!.id, title: '海藻多糖提取工艺', summary: '酶解法' },
  ]);
  const day = 86_400_000;
  const now = new Date('2025-01-31T00:00:00Z');
  await db.insert(schema.matchCandidates).values([
    {
      demandId: curing!.id,
      teamId: composites!.id,
      score: 0.82,
      status: 'introduced',
      explanation: {
        terms: [
          ['预浸料', 0.5],
          ['固化', 0.3],
        ],
      },
      createdAt: new Date(now.getTime() - 12 * day),
      introducedAt: new Date(now.getTime() - 10 * day),
      updatedAt: new Date(now.getTime() - 10 * day),
    },
    {
      demandId: curing!.id,
      facultyId: zhang!.id,
      score: 0.75,
      status: 'suggested',
      createdAt: new Date(now.getTime() - 2 * day),
      updatedAt: new Date(now.getTime() - 2 * day),
    },
    {
      demandId: curing!.id,
      teamId: marine!.id,
      score: 0.9,
      status: 'declined',
      declineReason: 'expertise_mismatch',
    },
    { demandId: stent!.id, facultyId: li!.id, score: 0.2, status: 'accepted' },
  ]);
  const [collaboration] = await db
    .insert(schema.collaborations)
    .values({
      demandId: curing!.id,
      enterpriseId: guangwei!.id,
      leadTeamId: composites!.id,
      title: '快速固化预浸料联合攻关',
      stage: 'joint_research',
      contractValue: 120,
      patentsGranted: 2,
      revenue: 300,
      startedOn: '2024-05-01',
    })
    .returning();
  await db.insert(schema.collaborationTeams).values([
    { collaborationId: collaboration!.id, demandId: curing!.id, teamId: composites!.id, isLead: true },
    { collaborationId: collaboration!.id, demandId: curing!.id, teamId: marine!.id },
  ]);
  await db.insert(schema.milestones).values([
    {
      collaborationId: collaboration!.id,
      stage: 'design_task',
      title: '任务书签订',
      dueOn: '2024-06-01',
      doneOn: '2024-06-01',
    },
    { collaborationId: collaboration!.id, stage: 'joint_research', title: '中试', dueOn: '2025-06-01' },
  ]);
  const [officer] = await db
    .insert(schema.staff)
    .values({ name: '王科长', chainCode: 'carbon_fiber' })
    .returning();
  await db.insert(schema.enterpriseServices).values([
    {
      staffId: officer!.id,
      enterpriseId: guangwei!.id,
      servedOn: '2024-09-10',
      kind: 'visit',
      note: '走访调研',
    },
    { staffId: officer!.id, enterpriseId: medical!.id, servedOn: '2024-10-01', kind: 'financing' },
  ]);
  return { now };
}
