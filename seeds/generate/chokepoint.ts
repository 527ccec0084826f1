import { percentOf, timesOf } from '../../services/projects/support-rules.js';
import type { ChainCode } from '../../services/shared/enums.js';
import type {
  ChokepointDataset,
  SeedBenchmarkRate,
  SeedCollaboration,
  SeedConsortium,
  SeedDemand,
  SeedEnterprise,
  SeedMatchCandidate,
  SeedPartner,
  SeedProject,
  SeedSupport,
  SeedTeam,
  SeedUniversity,
} from '../city.types.js';
import type { Random } from '../random.js';
import { subtopicByKey } from '../vocabulary/index.js';
import { addDays, pad, splitTotal } from './helpers.js';
import { AS_OF } from './shape.js';

/** How the library is drawn from the 49 choke-point demands: most admitted, some still in review. */
const LIBRARY_SHAPE = { admitted: 18, changesRequested: 3, rejected: 2, submitted: 11 } as const;
/** The report: 5 firms got 50 million yuan and more of equity investment (in 万元 here). */
const INVESTMENT_TOTAL_WAN = 5_200;

const PARTNERS: readonly SeedPartner[] = [
  {
    key: 'partner:bank:1',
    name: '威海市商业银行科技支行',
    kind: 'bank',
    contactName: '于行长',
    contactPhone: '0631-5200001',
  },
  {
    key: 'partner:bank:2',
    name: '中国建设银行威海分行',
    kind: 'bank',
    contactName: '曲经理',
    contactPhone: '0631-5200002',
  },
  {
    key: 'partner:bank:3',
    name: '齐鲁银行威海分行',
    kind: 'bank',
    contactName: '丛经理',
    contactPhone: '0631-5200003',
  },
  {
    key: 'partner:fund',
    name: '威海市科技创新引导基金',
    kind: 'fund',
    contactName: '林总',
    contactPhone: '0631-5200010',
  },
  {
    key: 'partner:insurer',
    name: '中国人民财产保险威海市分公司',
    kind: 'insurer',
    contactName: '谷经理',
    contactPhone: '0631-5200020',
  },
];

/** The one-year loan prime rate as the benchmark, from each date on. */
const BENCHMARK_RATES: readonly SeedBenchmarkRate[] = [
  { ratePercent: 3.85, effectiveOn: '2021-01-20' },
  { ratePercent: 3.8, effectiveOn: '2021-12-20' },
  { ratePercent: 3.7, effectiveOn: '2022-01-20' },
  { ratePercent: 3.65, effectiveOn: '2022-08-22' },
];

const BUDGET_LINES = ['市级科技创新专项资金', '产业链创新链融合发展专项', '卡脖子技术攻关专项'];
const CHANGE_NOTES = [
  '请补充中试阶段的经费测算和设备清单。',
  '请明确与高校团队的分工及知识产权约定。',
  '攻关目标请给出可考核的技术指标。',
];
const REJECT_REASONS = [
  '该技术已有成熟的国产替代方案，不属于卡脖子技术。',
  '项目预算与攻关内容不匹配，建议调整后重新申报。',
];

/** The 10 consortia of the report's shape: each firm-led, on one line of technology. */
const CONSORTIA: readonly { chain: ChainCode; name: string; line: string }[] = [
  { chain: 'carbon_fiber', name: '碳纤维及复合材料创新联合体', line: '高性能碳纤维及复合材料一体化研发' },
  { chain: 'special_vehicle', name: '智能快递物流装备创新联合体', line: '智能快递物流车辆与分拣装备' },
  { chain: 'medical', name: '高端医疗器械创新联合体', line: '医学影像与植介入器械国产化' },
  { chain: 'marine_equipment', name: '海洋工程装备创新联合体', line: '海工装备关键部件与智能船舶' },
  { chain: 'info_tech', name: '信创软硬件适配创新联合体', line: '国产基础软硬件适配与行业应用' },
  { chain: 'new_energy', name: '高效光伏与储能创新联合体', line: '高效光伏组件与储能系统' },
  { chain: 'marine_bio', name: '海洋生物医药创新联合体', line: '海洋活性物质提取与生物制品' },
  { chain: 'fishing_tackle', name: '高端钓具材料创新联合体', line: '碳素钓竿材料与智能渔具' },
  {
    chain: 'carbon_fiber',
    name: '碳纤维轻量化应用创新联合体',
    line: '碳纤维复合材料在交通装备中的轻量化应用',
  },
  { chain: 'medical', name: '医用高分子材料创新联合体', line: '医用高分子材料与耗材' },
];

export interface ChokepointInputs {
  demands: SeedDemand[];
  enterprises: SeedEnterprise[];
  teams: SeedTeam[];
  universities: SeedUniversity[];
  matchCandidates: SeedMatchCandidate[];
  collaborations: SeedCollaboration[];
  /** The demo firm and team, put in the first carbon-fibre consortium so the demo logins see one. */
  showcase: { enterpriseKey: string; teamKey: string };
}

const minDate = (left: string, right: string) => (left < right ? left : right);

function benchmarkOn(day: string): number {
  const inForce = BENCHMARK_RATES.filter((rate) => rate.effectiveOn <= day).at(-1);
  if (!inForce) throw new Error(`no benchmark rate on ${day}`);
  return inForce.ratePercent;
}

function monthsLater(isoDate: string, months: number): string {
  const date = new Date(`${isoDate.slice(0, 8)}01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return addDays(date.toISOString().slice(0, 10), -1);
}

const blankSupport = {
  partnerKey: null,
  budgetLine: null,
  multiplier: null,
  creditedAmount: null,
  termMonths: null,
  ratePercent: null,
  benchmarkRatePercent: null,
  riskCompensationPercent: null,
  riskCompensation: null,
  cover: null,
  subsidyPercent: null,
  subsidy: null,
} satisfies Partial<SeedSupport>;

/**
 * The choke-point library drawn from the city's choke-point demands, with 拨投贷保 support inside
 * every rule for the admitted ones, the banks, the fund and the insurer, and the 10 consortia.
 */
export function generateChokepoint(random: Random, input: ChokepointInputs): ChokepointDataset {
  const collaborationOf = new Map<string, SeedCollaboration>();
  for (const item of input.collaborations)
    if (!collaborationOf.has(item.demandKey)) collaborationOf.set(item.demandKey, item);
  const introducedTeams = (demandKey: string) =>
    input.matchCandidates
      .filter(
        (pair) =>
          pair.demandKey === demandKey &&
          pair.teamKey &&
          (pair.status === 'introduced' || pair.status === 'accepted'),
      )
      .map((pair) => pair.teamKey!);
  const open = input.demands.filter(
    (demand) =>
      demand.demandClass === 'chokepoint' && demand.status !== 'draft' && demand.status !== 'closed',
  );
  const drawn = [
    ...random.shuffle(open.filter((demand) => collaborationOf.has(demand.key))),
    ...random.shuffle(open.filter((demand) => !collaborationOf.has(demand.key))),
  ];
  const statuses = [
    ...Array<'admitted'>(LIBRARY_SHAPE.admitted).fill('admitted'),
    ...Array<'changes_requested'>(LIBRARY_SHAPE.changesRequested).fill('changes_requested'),
    ...Array<'rejected'>(LIBRARY_SHAPE.rejected).fill('rejected'),
    ...Array<'submitted'>(LIBRARY_SHAPE.submitted).fill('submitted'),
  ];
  const projects: SeedProject[] = drawn.slice(0, statuses.length).map((demand, index) => {
    const status = statuses[index]!;
    const subtopic = subtopicByKey(demand.subtopic);
    const collaboration = collaborationOf.get(demand.key) ?? null;
    const teamKeys = collaboration
      ? [collaboration.leadTeamKey, ...collaboration.partnerTeamKeys]
      : [...new Set(introducedTeams(demand.key))];
    const submittedOn = minDate(addDays(demand.postedOn, random.int(10, 60)), addDays(AS_OF, -40));
    const admittedOn = status === 'admitted' ? addDays(submittedOn, random.int(15, 35)) : null;
    const startsOn = `${(admittedOn ?? submittedOn).slice(0, 8)}01`;
    return {
      key: `project:${pad(index + 1)}`,
      demandKey: demand.key,
      enterpriseKey: demand.enterpriseKey,
      collaborationKey: collaboration?.key ?? null,
      teamKeys,
      chain: demand.chain,
      title: `${demand.title}攻关项目`,
      breakthrough: `${subtopic.zh}：${random.sample(subtopic.terms, 2).join('、')}`,
      goals: `${subtopic.need}；技术成熟度达到 ${Math.min(9, demand.expectedTrl + 2)} 级，形成自主可控的工程化能力。`,
      plan: `第一阶段：与高校团队联合完成${subtopic.zh}关键技术验证；第二阶段：中试与工程化；第三阶段：产品定型与示范应用。`,
      attachments: ['可行性研究报告', '项目预算书', random.pick(['合作协议', '知识产权清单', '中试方案'])],
      budget: demand.budgetMax,
      startsOn,
      endsOn: monthsLater(startsOn, random.pick([24, 36])),
      status,
      reviewNote:
        status === 'changes_requested'
          ? random.pick(CHANGE_NOTES)
          : status === 'rejected'
            ? random.pick(REJECT_REASONS)
            : null,
      submittedOn,
      admittedOn,
      support: [],
    };
  });
  addSupport(
    random,
    projects.filter((project) => project.status === 'admitted'),
  );
  return {
    partners: [...PARTNERS],
    benchmarkRates: [...BENCHMARK_RATES],
    projects,
    consortia: generateConsortia(random, input, projects),
  };
}

/** Every admitted project gets at least one kind of support; five get the fund's investment. */
function addSupport(random: Random, admitted: SeedProject[]): void {
  const order = random.shuffle(admitted);
  const dayAfter = (project: SeedProject) => minDate(addDays(project.admittedOn!, random.int(10, 90)), AS_OF);
  const banks = PARTNERS.filter((partner) => partner.kind === 'bank');
  order.slice(0, 12).forEach((project) => {
    project.support.push({
      ...blankSupport,
      kind: 'grant',
      amount: random.int(5, 30) * 100_000,
      grantedOn: dayAfter(project),
      budgetLine: random.pick(BUDGET_LINES),
    });
  });
  const investments = splitTotal(random, INVESTMENT_TOTAL_WAN, 5, 600, 1_500);
  order.slice(3, 8).forEach((project, index) => {
    const amount = investments[index]! * 10_000;
    const multiplier = random.pick([1.5, 1.6, 1.8, 2]);
    project.support.push({
      ...blankSupport,
      kind: 'investment',
      partnerKey: 'partner:fund',
      amount,
      grantedOn: dayAfter(project),
      multiplier,
      creditedAmount: timesOf(amount, multiplier),
    });
  });
  order.slice(6, 18).forEach((project, index) => {
    const grantedOn = dayAfter(project);
    const benchmark = benchmarkOn(grantedOn);
    // One loan at exactly the ceiling, the others below it; rates at or under the benchmark in force.
    const principal = index === 0 ? 20_000_000 : random.int(4, 39) * 500_000;
    project.support.push({
      ...blankSupport,
      kind: 'loan',
      partnerKey: random.pick(banks).key,
      amount: principal,
      grantedOn,
      termMonths: random.pick([12, 24, 36]),
      ratePercent: Math.round((benchmark - random.int(0, 9) * 0.05) * 1000) / 1000,
      benchmarkRatePercent: benchmark,
      riskCompensationPercent: 0.6,
      riskCompensation: percentOf(principal, 0.6),
    });
  });
  order.slice(10, 18).forEach((project) => {
    const premium = random.int(6, 30) * 10_000;
    const subsidyPercent = random.chance(0.75) ? 50 : 40;
    project.support.push({
      ...blankSupport,
      kind: 'insurance',
      partnerKey: 'partner:insurer',
      amount: premium,
      grantedOn: dayAfter(project),
      cover: premium * random.pick([20, 25, 30]),
      subsidyPercent,
      subsidy: percentOf(premium, subsidyPercent),
    });
  });
}

function generateConsortia(
  random: Random,
  input: ChokepointInputs,
  projects: SeedProject[],
): SeedConsortium[] {
  const usedLeads = new Set<string>();
  const projectOf = new Map(
    projects
      .filter((project) => project.status !== 'rejected')
      .map((project) => [project.demandKey, project]),
  );
  const collaborationOf = new Map(input.collaborations.map((item) => [item.demandKey, item]));
  const universityOfTeam = new Map(input.teams.map((team) => [team.key, team.universityKey]));
  return CONSORTIA.map((definition, index) => {
    const firms = input.enterprises.filter((enterprise) => enterprise.chains.includes(definition.chain));
    const demandsOf = (enterpriseKey: string) =>
      input.demands.filter(
        (demand) => demand.enterpriseKey === enterpriseKey && demand.chain === definition.chain,
      );
    const withDemands = firms.filter((firm) => !usedLeads.has(firm.key) && demandsOf(firm.key).length > 0);
    const showcaseFirst =
      index === 0 ? firms.find((firm) => firm.key === input.showcase.enterpriseKey) : undefined;
    const lead =
      showcaseFirst ??
      withDemands.find((firm) => firm.size === 'large') ??
      withDemands[0] ??
      random.pick(firms);
    usedLeads.add(lead.key);
    const others = random.shuffle(firms.filter((firm) => firm.key !== lead.key));
    const upstream = others.slice(0, random.int(1, 2));
    const downstream = others.slice(upstream.length, upstream.length + random.int(1, 2));
    const chainTeams = input.teams.filter((team) => team.chain === definition.chain);
    const leadTeams = demandsOf(lead.key).flatMap((demand) => {
      const collaboration = collaborationOf.get(demand.key);
      return collaboration ? [collaboration.leadTeamKey] : [];
    });
    const teamKeys = [
      ...new Set([
        ...(index === 0 ? [input.showcase.teamKey] : []),
        ...leadTeams,
        ...random.sample(chainTeams, 3).map((team) => team.key),
      ]),
    ].slice(0, 3);
    const teamUniversities = new Set(teamKeys.map((key) => universityOfTeam.get(key)));
    const university =
      input.universities.find((candidate) => !teamUniversities.has(candidate.key)) ?? input.universities[0]!;
    const memberFirms = [lead, ...upstream, ...downstream];
    const taskDemands = memberFirms
      .flatMap((firm) => demandsOf(firm.key))
      .filter((demand) => demand.status !== 'draft')
      .sort(
        (left, right) =>
          Number(right.demandClass === 'chokepoint') - Number(left.demandClass === 'chokepoint'),
      )
      .slice(0, random.int(2, 3));
    return {
      key: `consortium:${pad(index + 1, 2)}`,
      name: definition.name,
      leadEnterpriseKey: lead.key,
      technologyLine: definition.line,
      chain: definition.chain,
      description: `由${lead.name}牵头，驻威高校团队支撑，产业链上下游企业参与，围绕${definition.line}开展“体系化、任务型”一体化研发。`,
      status: index >= CONSORTIA.length - 2 ? 'forming' : 'active',
      members: [
        { role: 'lead', enterpriseKey: lead.key, teamKey: null, universityKey: null },
        ...teamKeys.map((teamKey) => ({
          role: 'supporting' as const,
          enterpriseKey: null,
          teamKey,
          universityKey: null,
        })),
        { role: 'supporting', enterpriseKey: null, teamKey: null, universityKey: university.key },
        ...upstream.map((firm) => ({
          role: 'upstream' as const,
          enterpriseKey: firm.key,
          teamKey: null,
          universityKey: null,
        })),
        ...downstream.map((firm) => ({
          role: 'downstream' as const,
          enterpriseKey: firm.key,
          teamKey: null,
          universityKey: null,
        })),
      ],
      tasks: taskDemands.map((demand) => {
        const collaboration = collaborationOf.get(demand.key) ?? null;
        const project = projectOf.get(demand.key) ?? null;
        return {
          title: demand.title,
          demandKey: demand.key,
          collaborationKey: collaboration?.key ?? null,
          projectKey: project?.key ?? null,
          status:
            collaboration?.stage === 'commercialise'
              ? 'done'
              : project?.status === 'admitted' || collaboration
                ? 'under_way'
                : 'planned',
        };
      }),
    };
  });
}
