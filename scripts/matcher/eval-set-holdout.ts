import { EN_FACULTY } from './eval-set-en.js';
import { ZH_TEAMS } from './eval-set-zh.js';
import type { LabelledQuery, LabelledSet } from './eval-types.js';

/**
 * Held out: demands written after the thesaurus and every constant were fixed, and never used
 * to tune anything. Same profiles as the hand-written sets; new firms, new wording.
 */
function labelled(prefix: string, entries: [string, string, Record<string, number>][]): LabelledQuery[] {
  return entries.map(([id, text, relevant]) => ({
    query: { id: `demand:${id}`, kind: 'demand', text },
    relevant: Object.fromEntries(Object.entries(relevant).map(([key, grade]) => [`${prefix}:${key}`, grade])),
  }));
}

export const ZH_HOLDOUT: LabelledSet = {
  name: 'zh-holdout',
  description: 'Chinese demands written after tuning, never tuned on',
  kind: 'team',
  profiles: ZH_TEAMS,
  queries: labelled('team', [
    ['h1', '医院检验科希望床旁就能测出炎症指标，不用送检验中心', { 'med-ivd': 2 }],
    ['h2', '镁合金接骨板在体内降解太快，强度提前丧失', { 'med-implant': 2 }],
    [
      'h3',
      '游艇上的碳纤维部件做完后发现内部有气泡和空洞，想在出厂前查出来',
      { 'cf-ndt': 2, 'cf-forming': 1 },
    ],
    ['h4', '压力容器缠绕成型后树脂没有完全硬化，生产节拍太慢', { 'cf-forming': 2 }],
    ['h5', '海上钻井平台桩腿的涂装几年就起泡脱落', { 'ship-corrosion': 2 }],
    ['h6', '海底管道巡查目前靠人工潜水，风险大', { 'ship-robot': 2 }],
    ['h7', '医药冷链配送车开门卸货后温度回升太快', { 'auto-cold': 2 }],
    ['h8', '想给消防车上装做减重，同时保证结构刚度', { 'auto-chassis': 2 }],
    ['h9', '纺织布匹的疵点靠人眼看，想用相机自动识别', { 'it-vision': 2 }],
    ['h10', '风机齿轮箱异常振动，想做状态在线监测', { 'it-iiot': 2, 'ne-wind': 1 }],
    ['h11', '储能电站电芯一致性差，循环几百次后容量衰减快', { 'ne-battery': 2 }],
    ['h12', '扇贝和牡蛎加工的边角料想做成保健品原料', { 'bio-peptide': 2, 'bio-polysaccharide': 1 }],
    ['h13', '海参育苗阶段常出现大批死亡，找不到原因', { 'bio-aquaculture': 2 }],
    ['h14', '鱼竿竿梢容易折断，想改进材料和结构', { 'fish-rod': 2 }],
    ['h15', '海钓用的线经常被鱼牙和礁石割断', { 'fish-line': 2 }],
  ]),
};

export const EN_HOLDOUT: LabelledSet = {
  name: 'en-holdout',
  description: 'English demands written after tuning, never tuned on',
  kind: 'faculty',
  profiles: EN_FACULTY,
  queries: labelled('faculty', [
    ['g1', 'A cheap strip test for infections that a nurse can read at the bedside', { 'lateral-flow': 2 }],
    ['g2', 'Our magnesium bone plates lose strength too early inside the body', { biomaterials: 2 }],
    ['g3', 'Bubbles and porosity inside yacht hull laminates, detect before delivery', { nde: 2 }],
    ['g4', 'Pressure vessel resin stays soft after winding; production is too slow', { cure: 2 }],
    ['g5', 'Paint on the legs of our drilling rig blisters and peels after a few years', { corrosion: 2 }],
    ['g6', 'Subsea pipeline surveys depend on divers and are risky', { auv: 2 }],
    ['g7', 'Fabric flaws are spotted by human eyes; we want cameras to find them', { vision: 2 }],
    [
      'g8',
      'Gearbox of a wind turbine vibrates abnormally; we need online condition monitoring',
      { maintenance: 2 },
    ],
    ['g9', 'Storage station cells fade after a few hundred cycles', { cathode: 2 }],
    ['g10', 'Tips of our fishing rods snap too easily', { rods: 2 }],
  ]),
};
