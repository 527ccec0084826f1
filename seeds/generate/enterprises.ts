import { enumLabel } from '../../services/i18n/index.js';
import { CHAIN_CODES, type EnterpriseSize, type ServiceKind } from '../../services/shared/enums.js';
import type { SeedEnterprise, SeedEnterpriseService, SeedStaff } from '../city.types.js';
import type { Random } from '../random.js';
import {
  BRAND_CHARACTERS,
  REAL_BRANDS_TO_AVOID,
  ROAD_NAMES,
  WEIHAI_DISTRICTS,
} from '../vocabulary/common.js';
import { VOCABULARY } from '../vocabulary/index.js';
import { dayOfYear, pad, personName, uniqueValue } from './helpers.js';
import { ENTERPRISES_PER_CHAIN, SERVICES_TOTAL } from './shape.js';

const PLACE_PREFIXES: readonly (readonly [string, number])[] = [
  ['威海', 60],
  ['荣成', 12],
  ['文登', 10],
  ['乳山', 8],
  ['山东', 10],
];

const SIZES: readonly (readonly [EnterpriseSize, number])[] = [
  ['large', 6],
  ['medium', 28],
  ['small', 48],
  ['micro', 18],
];

function brand(random: Random): string {
  for (;;) {
    const first = random.pick(BRAND_CHARACTERS);
    const second = random.pick(BRAND_CHARACTERS);
    const candidate = first + second;
    if (first !== second && !REAL_BRANDS_TO_AVOID.includes(candidate)) return candidate;
  }
}

/**
 * Synthetic firms with Weihai-style names (威海泓瀚复合材料有限公司). Real, well-known companies
 * of the city exist; the names here avoid their brands so no record pretends to be one of them.
 */
export function generateEnterprises(random: Random): SeedEnterprise[] {
  const enterprises: SeedEnterprise[] = [];
  const names = new Set<string>();
  for (const chain of CHAIN_CODES) {
    const vocabulary = VOCABULARY[chain];
    for (let index = 0; index < ENTERPRISES_PER_CHAIN[chain]; index++) {
      const number = enterprises.length + 1;
      const name = uniqueValue(
        names,
        () => `${random.weighted(PLACE_PREFIXES)}${brand(random)}${random.pick(vocabulary.companySuffixes)}`,
      );
      const chains = [chain];
      if (random.chance(0.15)) chains.push(random.pick(CHAIN_CODES.filter((other) => other !== chain)));
      const size = random.weighted(SIZES);
      const products = random.sample(vocabulary.products, 2);
      const district = name.startsWith('荣成')
        ? '荣成市'
        : name.startsWith('文登')
          ? '文登区'
          : name.startsWith('乳山')
            ? '乳山市'
            : random.pick(WEIHAI_DISTRICTS);
      enterprises.push({
        key: `enterprise:${pad(number)}`,
        name,
        industry: random.pick(vocabulary.industries),
        chains,
        size,
        description: `${name}是一家从事${products.join('、')}研发与生产的${enumLabel('zh-CN', 'enterpriseSize', size)}企业，位于威海市${district}。`,
        address: `山东省威海市${district}${random.pick(ROAD_NAMES)}${random.int(1, 388)}号`,
        contactName: personName(random),
        contactPhone: `0631-5${pad(random.int(0, 999_999), 6)}`,
        contactEmail: `contact@e${pad(number)}.weihai.example`,
      });
    }
  }
  return enterprises;
}

const SERVICE_KIND_WEIGHTS: readonly (readonly [ServiceKind, number])[] = [
  ['visit', 30],
  ['matchmaking', 24],
  ['policy', 16],
  ['financing', 10],
  ['talent', 7],
  ['ip', 6],
  ['platform', 5],
  ['other', 2],
];

const SERVICE_NOTES: Readonly<Record<ServiceKind, readonly string[]>> = {
  visit: [
    '走访企业，了解{product}生产经营情况，梳理技术需求{count}项。',
    '实地调研{product}生产线，与技术负责人座谈。',
  ],
  matchmaking: [
    '组织企业与高校团队对接，围绕{product}关键工艺交流。',
    '邀请首席科学家到企业座谈，推荐合作团队{count}个。',
  ],
  policy: ['辅导企业申报高新技术企业和研发费用加计扣除。', '宣讲科技型中小企业评价与创新券政策。'],
  financing: [
    '对接“拨投贷保”科技金融服务，推荐科技成果转化贷款。',
    '协助企业申请人才贷，联系合作银行现场答疑。',
  ],
  talent: ['协助企业引进博士研究生{count}名，对接高校实习基地。', '推荐企业申报市级创新人才项目。'],
  ip: ['开展专利布局辅导，梳理{product}相关专利{count}件。', '协助企业办理专利质押融资。'],
  platform: ['推荐使用高校大型仪器共享平台完成{product}检测。', '对接省级重点实验室开放测试服务。'],
  other: ['协调企业用地和研发楼建设中的科技事项。'],
};

/** The bureau's 400+ services to its 300+ firms in 2022: every firm at least once. */
export function generateServices(
  random: Random,
  enterprises: SeedEnterprise[],
  staff: SeedStaff[],
): SeedEnterpriseService[] {
  const extra = random.sample(enterprises, SERVICES_TOTAL - enterprises.length);
  return [...enterprises, ...extra].map((enterprise) => {
    const chain = enterprise.chains[0]!;
    const kind = random.weighted(SERVICE_KIND_WEIGHTS);
    const note = random
      .pick(SERVICE_NOTES[kind])
      .replace('{product}', random.pick(VOCABULARY[chain].products))
      .replace('{count}', String(random.int(2, 6)));
    return {
      staffKey: random.pick(staff.filter((member) => member.chain === chain)).key,
      enterpriseKey: enterprise.key,
      servedOn: dayOfYear(random, 2022),
      kind,
      note,
    };
  });
}
