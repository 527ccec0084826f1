import { enumLabel } from '../../services/i18n/index.js';
import { CHAIN_CODES, type DemandClass } from '../../services/shared/enums.js';
import type { SeedDemand, SeedEnterprise, SeedTeam } from '../city.types.js';
import type { Random } from '../random.js';
import { type Subtopic, VOCABULARY } from '../vocabulary/index.js';
import { addDays, capitalise, fitText, pad, uniqueValue } from './helpers.js';
import { neighbours } from './profile-text.js';
import { AS_OF, CITY_SHAPE, DEMANDS_PER_CHAIN } from './shape.js';

const TITLE_PATTERNS: Readonly<
  Record<DemandClass, readonly ((phrase: string, product: string) => string)[]>
> = {
  chokepoint: [
    (phrase) => `${phrase}关键技术攻关`,
    (phrase) => `${phrase}国产化替代`,
    (phrase, product) => `面向${product}的${phrase}瓶颈突破`,
    (phrase) => `高性能${phrase}技术开发`,
  ],
  chain: [
    (phrase) => `${phrase}上下游协同开发`,
    (phrase, product) => `面向${product}的${phrase}技术`,
    (phrase) => `${phrase}工艺链贯通`,
  ],
  systemic: [
    (phrase) => `${phrase}成套技术体系构建`,
    (phrase, product) => `面向${product}的${phrase}系统集成`,
    (phrase) => `${phrase}整体解决方案`,
  ],
  disruptive: [
    (phrase) => `新一代${phrase}技术预研`,
    (phrase) => `${phrase}颠覆性新路线探索`,
    (phrase, product) => `面向${product}的${phrase}前沿技术`,
  ],
};

const TITLE_EN: Readonly<Record<DemandClass, (subject: string) => string>> = {
  chokepoint: (subject) => `Breaking the bottleneck in ${subject}`,
  chain: (subject) => `${capitalise(subject)} across the supply chain`,
  systemic: (subject) => `An integrated system for ${subject}`,
  disruptive: (subject) => `Next-generation ${subject}`,
};

const GOALS: Readonly<Record<DemandClass, string>> = {
  chokepoint: '关键指标达到进口同类产品水平，实现国产化替代',
  chain: '打通上下游工艺环节，形成稳定的批量供货能力',
  systemic: '形成从材料、工艺到检测验证的成套技术体系',
  disruptive: '探索新原理、新路线，形成具有先发优势的颠覆性技术储备',
};

const TRL_RANGE: Readonly<Record<DemandClass, readonly [number, number]>> = {
  chokepoint: [5, 7],
  chain: [5, 8],
  systemic: [4, 7],
  disruptive: [2, 4],
};

/** Budgets in 万元: the lower end's range; the upper end is 1.5–3 times it. */
const BUDGET_RANGE: Readonly<Record<DemandClass, readonly [number, number]>> = {
  chokepoint: [100, 800],
  chain: [50, 400],
  systemic: [200, 1500],
  disruptive: [50, 300],
};

const COOPERATION = ['联合攻关', '委托开发', '技术转让与二次开发', '共建联合实验室'];

/**
 * The 107 demands. Each is written for one sub-topic of its chain, mostly in the firm's own words
 * (paraphrases, its products and pain) and only partly in the researchers' terms.
 */
export function generateDemands(
  random: Random,
  enterprises: SeedEnterprise[],
  teams: SeedTeam[],
): SeedDemand[] {
  const classes = random.shuffle(
    Object.entries(CITY_SHAPE.demandsByClass).flatMap(([demandClass, count]) =>
      Array.from({ length: count }, () => demandClass as DemandClass),
    ),
  );
  const demands: SeedDemand[] = [];
  const titlesByEnterprise = new Map<string, Set<string>>();
  for (const chain of CHAIN_CODES) {
    const vocabulary = VOCABULARY[chain];
    // Only sub-topics some team works on, dealt in turn so demands spread over the chain.
    const covered = vocabulary.subtopics.filter((subtopic) =>
      teams.some((team) => team.chain === chain && team.focus.includes(subtopic.key)),
    );
    const dealt = random.shuffle(covered);
    // Firms whose main business is the chain come first; those that only touch it follow.
    const firms = [
      ...random.shuffle(enterprises.filter((enterprise) => enterprise.chains[0] === chain)),
      ...random.shuffle(enterprises.filter((enterprise) => enterprise.chains.indexOf(chain) > 0)),
    ];
    for (let index = 0; index < DEMANDS_PER_CHAIN[chain]; index++) {
      const subtopic = dealt[index % dealt.length]!;
      const enterprise = firms[index % firms.length]!;
      const demandClass = classes[demands.length]!;
      const product = random.pick(vocabulary.products);
      const taken = titlesByEnterprise.get(enterprise.key) ?? new Set<string>();
      titlesByEnterprise.set(enterprise.key, taken);
      const title = uniqueValue(taken, () =>
        random.pick(TITLE_PATTERNS[demandClass])(random.pick(subtopic.paraphrases), product),
      );
      const [trlMin, trlMax] = TRL_RANGE[demandClass];
      const [budgetLow, budgetHigh] = BUDGET_RANGE[demandClass];
      const budgetMin = Math.round(random.int(budgetLow, budgetHigh) / 10) * 10;
      const expectedTrl = random.int(trlMin, trlMax);
      demands.push({
        key: `demand:${pad(demands.length + 1)}`,
        enterpriseKey: enterprise.key,
        chain,
        subtopic: subtopic.key,
        title,
        titleEn: TITLE_EN[demandClass](subtopic.en.toLowerCase()),
        description: demandDescription(random, { subtopic, demandClass, product, expectedTrl, chain }),
        demandClass,
        expectedTrl,
        budgetMin,
        budgetMax: Math.round((budgetMin * (1.5 + random.next() * 1.5)) / 10) * 10,
        deadline: addDays(AS_OF, random.int(120, 900)),
        visibility: random.chance(0.15) ? 'confidential' : 'public',
        status: 'published',
        postedOn: addDays(AS_OF, -random.int(60, 450)),
      });
    }
  }
  // A few demands are still being written by their firms.
  for (const demand of random.sample(demands, 7)) demand.status = 'draft';
  return demands;
}

function demandDescription(
  random: Random,
  input: {
    subtopic: Subtopic;
    demandClass: DemandClass;
    product: string;
    expectedTrl: number;
    chain: keyof typeof VOCABULARY;
  },
): string {
  const { subtopic } = input;
  const vocabulary = VOCABULARY[input.chain];
  const [first, second] = random.sample(subtopic.paraphrases, 2);
  const shared = random.sample(subtopic.terms, random.chance(0.7) ? 1 : 2);
  // Firms describe the process around the problem too, in a neighbouring sub-topic's words: the
  // realistic noise that makes a neighbouring team look plausible to a matcher.
  const context = random.sample(random.pick(neighbours(vocabulary, subtopic)).terms, 2);
  const required = [
    `我公司是${enumLabel('zh-CN', 'chain', input.chain)}产业链企业，主要产品包括${input.product}等，现有${context.join('、')}等环节已较成熟。`,
    `${subtopic.need}。`,
    `拟与高校团队以${random.pick(COOPERATION)}方式，围绕${first}、${second}和${shared.join('、')}开展研究，`,
    `目标是${GOALS[input.demandClass]}。`,
  ];
  const optional = [
    `期望成果技术成熟度达到TRL ${input.expectedTrl}级。`,
    `需兼顾${random.pick(vocabulary.general)}与成本控制。`,
    '企业可提供中试场地、生产线验证条件和配套资金。',
  ];
  return fitText(required, optional, 260);
}
