import type { MatchDocument } from '../types.js';

/** A small bilingual corpus for ranking-order tests: one team or faculty member per field. */
export const TEAMS: MatchDocument[] = [
  {
    id: 'team:composites',
    kind: 'team',
    title: '先进树脂基复合材料团队',
    keywords: ['复合材料成型', '树脂基碳纤维', '预浸料'],
    text: '长期从事热压罐成型与模压成型工艺研究，开发低成本快速成型的树脂体系。',
    works: [
      {
        title: '一种碳纤维预浸料的低温快速固化方法',
        text: '环氧树脂体系 120℃ 固化，缩短成型周期',
        year: 2021,
        kind: 'patent',
      },
      { title: '复合材料层合板界面性能研究', text: '层间剪切强度与界面改性', year: 2019, kind: 'paper' },
    ],
    attributes: { chain: '碳纤维复合材料', university: '山东大学（威海）', team: 'composites' },
  },
  {
    id: 'team:welding',
    kind: 'team',
    title: '船舶焊接与结构完整性团队',
    keywords: ['船体结构', '焊接变形', '疲劳寿命'],
    text: '研究大型船舶分段建造中的焊接变形预测与控制，海工平台焊接接头疲劳评估。',
    works: [
      { title: '厚板焊接残余应力数值模拟', text: '有限元分析 焊接 残余应力', year: 2020, kind: 'paper' },
    ],
    attributes: { chain: '船舶与海工装备', university: '哈尔滨工业大学（威海）', team: 'welding' },
  },
  {
    id: 'team:marine-bio',
    kind: 'team',
    title: '海洋活性物质团队',
    keywords: ['岩藻多糖', '海藻酸钠', '胶原蛋白肽'],
    text: '从褐藻和海参中分离纯化生物活性物质，开发功能食品和医用敷料。',
    works: [
      { title: '海参胶原蛋白肽的酶解制备工艺', text: '酶解 分离纯化 抗氧化活性', year: 2022, kind: 'patent' },
    ],
    attributes: { chain: '海洋生物', university: '山东大学（威海）', team: 'marine-bio' },
  },
  {
    id: 'team:battery',
    kind: 'team',
    title: '储能材料团队',
    keywords: ['锂离子电池', '正极材料', '固态电池'],
    text: '高镍正极材料的包覆改性和固态电解质界面研究，面向动力电池与储能系统。',
    attributes: { chain: '高效新能源', university: '哈尔滨工业大学（威海）', team: 'battery' },
  },
  {
    id: 'team:vision',
    kind: 'team',
    title: '机器视觉与工业软件团队',
    keywords: ['机器视觉', '缺陷检测', '深度学习'],
    text: '基于深度学习的表面缺陷检测，国产化工业软件与边缘计算部署。',
    attributes: { chain: '信创', university: '山东大学（威海）', team: 'vision' },
  },
];

export const FACULTY: MatchDocument[] = [
  {
    id: 'faculty:chen',
    kind: 'faculty',
    title: 'Professor of Materials Science',
    keywords: ['carbon fibre reinforced polymers', 'resin transfer moulding'],
    text: 'Works on out-of-autoclave manufacturing of CFRP laminates and cure kinetics of epoxy resins.',
    works: [
      {
        title: 'Cure kinetics of fast-curing epoxy prepregs',
        text: 'DSC study of cure',
        year: 2021,
        kind: 'paper',
      },
    ],
    attributes: { title: '教授', doctoralSupervisor: true, university: 'HIT Weihai', team: 'composites' },
  },
  {
    id: 'faculty:li',
    kind: 'faculty',
    title: 'Associate professor of naval architecture',
    keywords: ['ship hydrodynamics', 'hull form optimisation'],
    text: 'Computational fluid dynamics of hulls and propellers; resistance and seakeeping of fishing vessels.',
    attributes: { title: '副教授', doctoralSupervisor: false, university: 'SDU Weihai', team: 'ships' },
  },
  {
    id: 'faculty:wang',
    kind: 'faculty',
    title: 'Lecturer in biomedical engineering',
    keywords: ['medical imaging', 'image segmentation'],
    text: 'Deep learning for ultrasound and CT image segmentation; point-of-care diagnostic devices.',
    attributes: { title: '讲师', doctoralSupervisor: false, university: 'SDU Weihai', team: 'imaging' },
  },
  {
    id: 'faculty:zhao',
    kind: 'faculty',
    title: '教授',
    keywords: ['碳纤维原丝', '聚丙烯腈'],
    text: '聚丙烯腈基碳纤维原丝纺丝与碳化工艺。',
    attributes: { title: '教授', doctoralSupervisor: true, university: 'SDU Weihai', team: 'composites' },
  },
  {
    id: 'faculty:sun',
    kind: 'faculty',
    title: '副教授',
    keywords: ['复合材料结构', '无损检测'],
    text: '碳纤维复合材料构件的超声无损检测与分层缺陷识别。',
    attributes: { title: '副教授', doctoralSupervisor: false, university: 'HIT Weihai', team: 'composites' },
  },
];

export const DEMANDS: MatchDocument[] = [
  { id: 'demand:curing', kind: 'demand', text: '碳纤维复合材料固化工艺优化，缩短固化周期，降低成本' },
  { id: 'demand:welding', kind: 'demand', text: '船体分段焊接变形大，需要焊接变形预测和矫正方法' },
  { id: 'demand:collagen', kind: 'demand', text: '海参加工副产物高值化利用，制备胶原蛋白肽' },
  {
    id: 'demand:ultrasound',
    kind: 'demand',
    text: 'Automatic segmentation of ultrasound images for a portable diagnostic device',
  },
];
