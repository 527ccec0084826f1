import type { FacultyTitle, WorkKind } from '../../services/shared/enums.js';
import type { SeedWork } from '../city.types.js';
import type { Random } from '../random.js';
import { FUNDING_SOURCES, JOURNALS_EN, JOURNALS_ZH } from '../vocabulary/common.js';
import { type ChainVocabulary, type Subtopic, VOCABULARY } from '../vocabulary/index.js';
import { capitalise, uniqueValue } from './helpers.js';
import { neighbours } from './profile-text.js';

const WORK_COUNT: Readonly<Record<FacultyTitle, readonly [number, number]>> = {
  professor: [4, 7],
  researcher: [4, 6],
  associate_professor: [3, 5],
  associate_researcher: [3, 5],
  lecturer: [2, 4],
  assistant_researcher: [2, 3],
};

const KIND_WEIGHTS: readonly (readonly [WorkKind, number])[] = [
  ['paper', 50],
  ['patent', 25],
  ['project', 18],
  ['result', 7],
];

const ASPECTS = ['机理', '性能', '工艺优化', '影响因素', '表征与评价', '建模与仿真', '失效行为'];
const PATENT_ENDINGS = ['的制备方法', '装置', '系统及方法', '的检测方法', '用组件', '的控制方法'];
const PROJECT_ENDINGS = ['关键技术研究', '机理与调控研究', '工程化应用示范', '集成与验证', '关键问题研究'];
const RESULT_ENDINGS = ['成套技术', '新工艺', '示范应用', '技术与装备', '工程化技术'];

/**
 * Which sub-topic one work is about: mostly the person's own, sometimes a neighbour, and now and
 * then something from another chain entirely (people drift; a matcher must cope).
 */
function workSubtopic(random: Random, vocabulary: ChainVocabulary, focus: Subtopic[]): Subtopic {
  const roll = random.next();
  if (roll < 0.04) {
    const otherChains = Object.values(VOCABULARY).filter((other) => other !== vocabulary);
    return random.pick(random.pick(otherChains).subtopics);
  }
  if (roll < 0.16) return random.pick(neighbours(vocabulary, focus[0]!));
  return focus.length > 1 && random.chance(0.35) ? focus[1]! : focus[0]!;
}

function twoTerms(random: Random, subtopic: Subtopic): [string, string] {
  const [first, second] = random.sample(subtopic.terms, 2);
  return [first!, second!];
}

function paper(
  random: Random,
  subtopic: Subtopic,
  vocabulary: ChainVocabulary,
  english: boolean,
): Omit<SeedWork, 'year'> {
  if (english) {
    const [first, second] = random.sample(subtopic.enTerms, 2);
    const title = random.pick([
      `Effect of ${first} on ${second}`,
      `A novel ${first} approach for ${second}`,
      `${capitalise(first!)}: experiments and modelling`,
      `Optimization of ${first} in ${subtopic.en.toLowerCase()}`,
      `Towards reliable ${first} with improved ${second}`,
    ]);
    const journal = random.pick(JOURNALS_EN[vocabulary.chain]!);
    const long = `Studies ${first} and ${second} for ${subtopic.en.toLowerCase()}; published in ${journal}.`;
    const summary = long.length <= 120 ? long : `Studies ${first} and ${second}; in ${journal}.`;
    return { kind: 'paper', title, summary };
  }
  const [first, second] = twoTerms(random, subtopic);
  const title = random.pick([
    `${first}的${random.pick(ASPECTS)}研究`,
    `基于${first}的${second}方法研究`,
    `${first}对${second}影响的实验研究`,
    `${first}与${second}协同优化`,
  ]);
  const summary = `针对${random.pick(vocabulary.general)}中的${first}问题，研究了${second}的规律，提出了改进方法，发表于《${random.pick(JOURNALS_ZH)}》。`;
  return { kind: 'paper', title, summary };
}

function otherWork(
  random: Random,
  kind: Exclude<WorkKind, 'paper'>,
  subtopic: Subtopic,
  vocabulary: ChainVocabulary,
): Omit<SeedWork, 'year'> {
  const [first, second] = twoTerms(random, subtopic);
  const product = random.pick(vocabulary.products);
  if (kind === 'patent') {
    const ending = random.pick(PATENT_ENDINGS);
    return {
      kind,
      title: `一种${first}${ending}`,
      summary: `本发明公开了一种${first}${ending}，通过改进${second}，提高了产品性能与稳定性，可用于${product}。`,
    };
  }
  if (kind === 'project') {
    return {
      kind,
      title: `${first}${random.pick(PROJECT_ENDINGS)}`,
      summary: `本项目获${random.pick(FUNDING_SOURCES)}资助，围绕${first}与${second}开展研究，面向${product}的工程应用需求。`,
    };
  }
  return {
    kind,
    title: `${first}${random.pick(RESULT_ENDINGS)}`,
    summary: `围绕${second}方面的难题形成了${first}技术方案，经多轮工艺验证，已在${product}生产企业开展应用。`,
  };
}

/** A faculty member's works, titles unique per kind as the schema's natural key requires. */
export function facultyWorks(
  random: Random,
  input: { title: FacultyTitle; vocabulary: ChainVocabulary; focus: Subtopic[]; writesInEnglish: boolean },
): SeedWork[] {
  const [min, max] = WORK_COUNT[input.title];
  const count = random.int(min, max);
  const taken = new Set<string>();
  const works: SeedWork[] = [];
  for (let index = 0; index < count; index++) {
    const kind = random.weighted(KIND_WEIGHTS);
    let drafted: Omit<SeedWork, 'year'> = { kind, title: '', summary: '' };
    const title = uniqueValue(taken, () => {
      const subtopic = workSubtopic(random, input.vocabulary, input.focus);
      const vocabulary = VOCABULARY[subtopic.key.split('.')[0] as keyof typeof VOCABULARY];
      drafted =
        kind === 'paper'
          ? paper(random, subtopic, vocabulary, input.writesInEnglish && random.chance(0.5))
          : otherWork(random, kind, subtopic, vocabulary);
      return `${drafted.kind}|${drafted.title}`;
    });
    works.push({ ...drafted, title: title.slice(title.indexOf('|') + 1), year: random.int(2012, 2022) });
  }
  return works;
}
