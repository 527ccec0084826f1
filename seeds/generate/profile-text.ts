import { enumLabel } from '../../services/i18n/index.js';
import type { FacultyTitle } from '../../services/shared/enums.js';
import type { Random } from '../random.js';
import { GENERAL_RESEARCH_PHRASES } from '../vocabulary/common.js';
import type { ChainVocabulary, Subtopic, VOCABULARY } from '../vocabulary/index.js';
import { fitText } from './helpers.js';

/** The sub-topics either side of one in its chain's list: the "neighbours" used as realistic noise. */
export function neighbours(vocabulary: ChainVocabulary, subtopic: Subtopic): Subtopic[] {
  const list = vocabulary.subtopics;
  const index = list.indexOf(subtopic);
  return [list[(index + 1) % list.length]!, list[(index - 1 + list.length) % list.length]!].filter(
    (other) => other !== subtopic,
  );
}

/** A team's research directions: most of its focus terms, one chain-wide word. */
export function teamDirections(random: Random, vocabulary: ChainVocabulary, focus: Subtopic[]): string[] {
  const [primary, secondary] = focus;
  const directions = random.sample(primary!.terms, random.int(3, 4));
  if (secondary) directions.push(...random.sample(secondary.terms, 2));
  directions.push(random.pick(vocabulary.general));
  return [...new Set(directions)];
}

export function teamDescription(
  random: Random,
  input: {
    teamName: string;
    universityName: string;
    vocabulary: ChainVocabulary;
    focus: Subtopic[];
    size: number;
    professors: number;
  },
): string {
  const { vocabulary, focus } = input;
  const [primary, secondary] = focus;
  const chainName = enumLabel('zh-CN', 'chain', vocabulary.chain);
  const terms = random.sample(primary!.terms, 3);
  const required = [
    `${input.teamName}依托${input.universityName}，面向${chainName}产业，主要从事${terms.join('、')}等方向的研究。`,
  ];
  const optional = [
    secondary ? `同时开展${secondary.zh}研究，涉及${random.sample(secondary.terms, 2).join('和')}。` : '',
    `团队现有成员${input.size}人，其中教授${input.professors}人。`,
    `在${random.pick(primary!.terms)}与${random.pick(vocabulary.general)}方面形成了较系统的技术积累。`,
    `可为企业提供${random.sample(primary!.terms, 2).join('、')}等技术咨询与联合攻关服务。`,
    `近年与多家${chainName}企业开展${random.pick(GENERAL_RESEARCH_PHRASES)}。`,
  ];
  return fitText(required, optional, 200);
}

const DOCTORAL_SCHOOLS = [
  '哈尔滨工业大学',
  '山东大学',
  '中国海洋大学',
  '天津大学',
  '大连理工大学',
  '浙江大学',
  '上海交通大学',
  '北京交通大学',
  '中国科学院',
  '西北工业大学',
  '东京大学',
  '新加坡国立大学',
];

/** A faculty member's directions follow the team's focus, with a neighbouring or general term as noise. */
export function facultyDirections(random: Random, vocabulary: ChainVocabulary, focus: Subtopic[]): string[] {
  const own = focus.length > 1 && random.chance(0.4) ? focus[1]! : focus[0]!;
  const directions = random.sample(own.terms, random.int(2, 3));
  const noise = random.next();
  if (noise < 0.35) directions.push(random.pick(random.pick(neighbours(vocabulary, own)).terms));
  else if (noise < 0.6) directions.push(random.pick(vocabulary.general));
  else if (noise < 0.75) directions.push(random.pick(GENERAL_RESEARCH_PHRASES));
  return [...new Set(directions)];
}

export function facultyBio(
  random: Random,
  input: {
    name: string;
    title: FacultyTitle;
    isDoctoralSupervisor: boolean;
    chiefScientistChain: keyof typeof VOCABULARY | null;
    directions: string[];
    isLeader: boolean;
  },
): string {
  const titleName = enumLabel('zh-CN', 'facultyTitle', input.title);
  const honours = [
    input.isDoctoralSupervisor ? '，博士生导师' : '',
    input.chiefScientistChain
      ? `，威海市${enumLabel('zh-CN', 'chain', input.chiefScientistChain)}创新链首席科学家`
      : '',
  ].join('');
  const senior = input.title === 'professor' || input.title === 'researcher';
  const required = [
    `${input.name}，${titleName}${honours}。`,
    `主要从事${input.directions.slice(0, 3).join('、')}等方面的研究。`,
  ];
  const optional = [
    `${random.int(senior ? 1995 : 2008, senior ? 2010 : 2019)}年获${random.pick(DOCTORAL_SCHOOLS)}博士学位。`,
    input.isLeader ? '现任团队负责人。' : '',
    `主持或参与科研项目${random.int(senior ? 8 : 2, senior ? 25 : 9)}项，发表学术论文${random.int(senior ? 30 : 6, senior ? 120 : 35)}篇。`,
    `授权发明专利${random.int(senior ? 5 : 1, senior ? 30 : 8)}项。`,
  ];
  return fitText(required, optional, 150);
}
