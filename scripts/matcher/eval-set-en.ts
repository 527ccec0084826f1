import type { MatchDocument, MatchWork } from '../../matcher/index.js';
import { ZH_SET, ZH_TEAMS } from './eval-set-zh.js';
import type { LabelledSet } from './eval-types.js';

/**
 * English faculty profiles, written by hand in the style of university web pages (directions,
 * a short bio, a few paper and patent titles). Demands are written as a firm's engineer would:
 * products, failures and targets, rarely the academic term.
 */
function faculty(
  id: string,
  chain: string,
  directions: string,
  bio: string,
  works: string[] = [],
): MatchDocument {
  const parsed: MatchWork[] = works.map((entry) => {
    const [title, year, kind] = entry.split('|');
    return { title: title!, text: '', year: Number(year), kind: kind! };
  });
  return {
    id: `faculty:${id}`,
    kind: 'faculty',
    keywords: directions.split('; '),
    text: bio,
    works: parsed,
    attributes: { chain, team: id },
  };
}

export const EN_FACULTY: MatchDocument[] = [
  faculty(
    'lateral-flow',
    '医药医疗器械',
    'lateral flow immunoassay; point-of-care testing; fluorescent nanoparticles',
    'Develops quantitative lateral flow assays with fluorescent reporters and smartphone readers for near-patient testing.',
    ['Europium nanoparticle lateral flow assay for cardiac troponin|2021|paper'],
  ),
  faculty(
    'biomaterials',
    '医药医疗器械',
    'biodegradable metals; orthopaedic implants; surface coatings',
    'Studies magnesium and zinc alloys for resorbable bone fixation and coatings that slow corrosion in the body.',
    ['Degradation of coated magnesium screws in vivo|2020|paper'],
  ),
  faculty(
    'ultrasound',
    '医药医疗器械',
    'ultrasound imaging; beamforming; embedded signal processing',
    'Designs plane-wave beamformers and low-power imaging pipelines for handheld scanners.',
    ['GPU-free plane-wave beamforming on an ARM processor|2022|paper'],
  ),
  faculty(
    'cure',
    '碳纤维复合材料',
    'thermoset composites; cure kinetics; out-of-autoclave processing',
    'Models cure kinetics of epoxy prepregs and develops snap-cure resin systems and vacuum-bag-only processing for CFRP parts.',
    [
      'Cure kinetics of a fast-cure epoxy prepreg|2021|paper',
      'Out-of-autoclave processing of aerospace laminates|2019|paper',
    ],
  ),
  faculty(
    'nde',
    '碳纤维复合材料',
    'non-destructive evaluation; phased array ultrasonics; thermography',
    'Develops phased-array ultrasonic and active thermography inspection of laminated composite structures.',
    ['Delamination sizing with phased array ultrasound|2022|paper'],
  ),
  faculty(
    'recycling',
    '碳纤维复合材料',
    'thermoplastic composites; recycling; injection moulding',
    'Works on recycled carbon fibre and long-fibre thermoplastics for injection-moulded automotive components.',
    ['Injection moulding of recycled carbon fibre polyamide|2020|paper'],
  ),
  faculty(
    'welding',
    '船舶与海工装备',
    'welding distortion; residual stress; fatigue of welded joints',
    'Predicts welding distortion in thin-plate ship panels with inherent-strain finite element models and studies fatigue of offshore joints.',
    ['Inherent strain prediction of distortion in ship block assembly|2021|paper'],
  ),
  faculty(
    'cfd',
    '船舶与海工装备',
    'ship hydrodynamics; hull form optimisation; propeller design',
    'Uses computational fluid dynamics to reduce resistance of hulls and to design propellers for fishing vessels.',
    ['Hull form optimisation of a trawler for lower resistance|2019|paper'],
  ),
  faculty(
    'corrosion',
    '船舶与海工装备',
    'marine corrosion; protective coatings; cathodic protection',
    'Studies corrosion of steel in the splash zone and designs coating and sacrificial anode systems for offshore structures.',
    ['Coating breakdown in the splash zone|2020|paper'],
  ),
  faculty(
    'auv',
    '船舶与海工装备',
    'underwater vehicles; navigation; autonomous control',
    'Builds remotely operated and autonomous underwater vehicles for net-pen inspection and seabed survey.',
    ['Vision-based net inspection by an ROV|2022|paper'],
  ),
  faculty(
    'lightweight',
    '专用汽车',
    'vehicle lightweighting; topology optimisation; high-strength steel',
    'Optimises frames of trucks and trailers with topology optimisation and high-strength steel or aluminium.',
    ['Topology optimisation of a semi-trailer frame|2020|paper'],
  ),
  faculty(
    'refrigeration',
    '专用汽车',
    'refrigerated transport; cold chain; thermal insulation',
    'Studies airflow and temperature uniformity in refrigerated truck bodies and the energy use of transport refrigeration units.',
    ['Temperature uniformity in a reefer truck body|2021|paper'],
  ),
  faculty(
    'vision',
    '信创',
    'computer vision; defect detection; edge deployment',
    'Develops lightweight convolutional networks for surface defect inspection on production lines and deploys them on edge devices.',
    ['Lightweight YOLO for steel surface defects|2022|paper'],
  ),
  faculty(
    'maintenance',
    '信创',
    'predictive maintenance; vibration analysis; industrial IoT',
    'Builds condition monitoring from vibration and current signals to predict failures of machine tools and pumps.',
    ['Remaining useful life of spindle bearings|2021|paper'],
  ),
  faculty(
    'cathode',
    '高效新能源',
    'lithium-ion batteries; nickel-rich cathodes; solid electrolytes',
    'Studies surface coatings that suppress gas evolution and capacity fade of nickel-rich cathodes at high temperature.',
    ['Suppressing gassing of NCM811 by coating|2021|paper'],
  ),
  faculty(
    'perovskite',
    '高效新能源',
    'perovskite solar cells; encapsulation; flexible photovoltaics',
    'Improves damp-heat stability of perovskite solar cells by composition engineering and barrier encapsulation.',
    ['Damp-heat stable flexible perovskite modules|2022|paper'],
  ),
  faculty(
    'electrolysis',
    '高效新能源',
    'water electrolysis; electrocatalysis; hydrogen production',
    'Develops non-precious catalysts for alkaline and PEM water electrolysis driven by fluctuating renewable power.',
    ['NiFe catalysts for alkaline electrolysis under intermittent power|2020|paper'],
  ),
  faculty(
    'alginate',
    '海洋生物',
    'seaweed polysaccharides; fucoidan; alginate',
    'Extracts fucoidan and alginate from kelp and studies their bioactivity and use in wound dressings.',
    ['Enzymatic extraction of fucoidan from kelp residues|2021|paper'],
  ),
  faculty(
    'peptides',
    '海洋生物',
    'collagen peptides; enzymatic hydrolysis; functional foods',
    'Produces bioactive collagen peptides from fish skin and sea cucumber by-products by enzymatic hydrolysis.',
    ['Collagen peptides from sea cucumber viscera|2022|paper'],
  ),
  faculty(
    'rods',
    '钓具',
    'fishing rods; composite tubes; layup design',
    'Designs prepreg layups of tubular composite fishing rods for stiffness, action and strength.',
    ['Layup design of a carbon fishing rod blank|2021|paper'],
  ),
];

function demand(id: string, text: string, relevant: Record<string, number>) {
  return {
    query: { id: `demand:${id}`, kind: 'demand' as const, text },
    relevant: Object.fromEntries(Object.entries(relevant).map(([key, grade]) => [`faculty:${key}`, grade])),
  };
}

export const EN_SET: LabelledSet = {
  name: 'en-mismatch',
  description: 'English, hand-written; firms describe products and failures, faculty describe methods',
  kind: 'faculty',
  profiles: EN_FACULTY,
  queries: [
    demand('e1', 'We make rapid heart-attack test strips and need better sensitivity for use in clinics', {
      'lateral-flow': 2,
    }),
    demand('e2', 'Bone screws that dissolve after healing so patients avoid a second operation', {
      biomaterials: 2,
    }),
    demand('e3', 'Real-time imaging on a low-power chip for a pocket ultrasound scanner', { ultrasound: 2 }),
    demand('e4', 'Shorten the oven cycle of our carbon fibre parts without an autoclave', {
      cure: 2,
      recycling: 1,
    }),
    demand('e5', 'Find hidden layer separation in drone wing skins quickly on the shop floor', { nde: 2 }),
    demand('e6', 'Panels of our ship blocks warp after welding and need costly straightening', {
      welding: 2,
    }),
    demand('e7', 'Cut fuel consumption of new trawlers by a better hull and propeller', { cfd: 2 }),
    demand('e8', 'Steel piles of our jetty rust quickly where waves hit them', { corrosion: 2 }),
    demand('e9', 'Inspect fish farm nets underwater instead of sending divers', { auv: 2 }),
    demand('e10', 'Reduce the weight of our semi-trailer without losing payload', { lightweight: 2 }),
    demand('e11', 'Seafood spoils because the back of our reefer truck is warmer than the front', {
      refrigeration: 2,
    }),
    demand('e12', 'Operators check scratches by eye on the line and miss many', { vision: 2 }),
    demand('e13', 'Machine tools stop without warning; we want to know before they fail', { maintenance: 2 }),
    demand('e14', 'Battery packs swell in hot weather and lose capacity', { cathode: 2 }),
    demand('e15', 'Make hydrogen from surplus offshore wind power with cheaper electrolysers', {
      electrolysis: 2,
    }),
    demand('e16', 'Turn kelp processing waste into high-value products', { alginate: 2 }),
    demand('e17', 'Lighter, tougher lure rods with fewer breakages', { rods: 2 }),
  ],
};

/** Mixed-language demands against Chinese teams and English faculty in one pool. */
export const MIXED_SET: LabelledSet = {
  name: 'mixed-zh-en',
  description: 'demands mixing Chinese and English; relevant profiles in either language',
  kind: 'team',
  profiles: [...ZH_TEAMS, ...EN_FACULTY.map((document) => ({ ...document, kind: 'team' as const }))],
  queries: [
    [
      'm1',
      'CFRP 预浸料 fast cure 工艺，缩短 cycle time',
      { 'team:cf-forming': 2, 'faculty:cure': 2, 'team:fish-rod': 1 },
    ],
    [
      'm2',
      '基于 YOLO 的产线 surface defect 检测，部署到 edge 设备',
      { 'team:it-vision': 2, 'faculty:vision': 2 },
    ],
    ['m3', 'NCM811 正极高温 gassing 问题', { 'team:ne-battery': 2, 'faculty:cathode': 2 }],
    [
      'm4',
      'ROV 网衣巡检 for offshore 网箱',
      { 'team:ship-robot': 2, 'faculty:auv': 2, 'team:bio-aquaculture': 1 },
    ],
    [
      'm5',
      'PEM 电解水 catalyst，风电 fluctuating power',
      { 'team:ne-hydrogen': 2, 'faculty:electrolysis': 2 },
    ],
    [
      'm6',
      'fucoidan 岩藻多糖 提取 from kelp 下脚料',
      { 'team:bio-polysaccharide': 2, 'faculty:alginate': 2 },
    ],
    ['m7', '船体 block 焊接 distortion 预测', { 'team:ship-welding': 2, 'faculty:welding': 2 }],
    ['m8', 'Lateral flow 试纸条 灵敏度提升 for troponin', { 'team:med-ivd': 2, 'faculty:lateral-flow': 2 }],
    ['m9', '钙钛矿 perovskite 组件 damp heat 稳定性', { 'team:ne-pv': 2, 'faculty:perovskite': 2 }],
    ['m10', 'semi-trailer 车架 lightweight 设计', { 'team:auto-chassis': 2, 'faculty:lightweight': 2 }],
  ].map(([id, text, relevant]) => ({
    query: { id: `demand:${id as string}`, kind: 'demand' as const, text: text as string },
    relevant: relevant as Record<string, number>,
  })),
};

/**
 * Long versus short: the profiles written for every other demand keep only their title and
 * keywords, while all remaining profiles also carry the works, titles and descriptions of their
 * chain's neighbours. Long documents match more words by chance; a method that rewards length,
 * or drowns a short profile, loses here.
 */
export function longShortSet(base: LabelledSet): LabelledSet {
  const short = new Set(
    base.queries
      .filter((_, position) => position % 2 === 0)
      .flatMap((query) => Object.keys(query.relevant).filter((id) => query.relevant[id] === 2)),
  );
  const byChain = new Map<string, MatchDocument[]>();
  for (const profile of base.profiles) {
    const chain = profile.attributes?.chain ?? '';
    byChain.set(chain, [...(byChain.get(chain) ?? []), profile]);
  }
  const profiles = base.profiles.map((profile): MatchDocument => {
    if (short.has(profile.id)) return { ...profile, text: '', works: [] };
    const neighbours = (byChain.get(profile.attributes?.chain ?? '') ?? []).filter(
      (other) => other !== profile,
    );
    const works = neighbours.flatMap((neighbour) => [
      ...(neighbour.works ?? []),
      { title: neighbour.title ?? neighbour.keywords?.join(' ') ?? '', text: neighbour.text },
    ]);
    return { ...profile, works: [...(profile.works ?? []), ...works] };
  });
  return {
    name: `${base.name}/long-short`,
    description: `${base.description}; half the answers cut to title and keywords, the rest padded with neighbours' works`,
    kind: base.kind,
    profiles,
    queries: base.queries,
  };
}

export const HAND_WRITTEN_SETS: LabelledSet[] = [
  ZH_SET,
  EN_SET,
  MIXED_SET,
  longShortSet(ZH_SET),
  longShortSet(EN_SET),
];
