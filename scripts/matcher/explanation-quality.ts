import {
  DEFAULT_METHOD,
  type MatchDocument,
  MatchIndex,
  normalize,
  type RankedMatch,
  tokenize,
} from '../../matcher/index.js';
import { scanRuns } from '../../matcher/normalize.js';
import type { LabelledSet } from './eval-types.js';

/** The issue's own examples of words that are never a reason (#12), checked independently of the matcher's list. */
const GENERIC_EXAMPLES = new Set([
  '方法',
  '技术',
  '研究',
  '开发',
  '系统',
  '应用',
  '设计',
  '分析',
  'method',
  'system',
]);
/** A word in at least this share of the set's profiles is counted generic too. */
const CLEARLY_GENERIC_SHARE = 0.5;

const HAN = /\p{Script=Han}/u;

/** The words of a text a reader would recognise: English words as written, jieba's words and sub-words. */
function wordsOf(text: string): { words: Set<string>; stems: Set<string> } {
  const words = new Set<string>();
  const stems = new Set<string>();
  scanRuns(normalize(text), (run, chinese) => {
    if (!chinese) words.add(run);
  });
  for (const token of tokenize(text)) {
    if (HAN.test(token.term) && !/^[~@]/.test(token.term)) words.add(token.term);
    else if (!/^[~@]/.test(token.term)) stems.add(token.term);
  }
  return { words, stems };
}

function textOf(document: MatchDocument): string {
  const works = (document.works ?? []).flatMap((work) => [work.title, work.text]);
  return [document.title ?? '', ...(document.keywords ?? []), document.text, ...works].join('\n');
}

function stemOf(word: string): string | undefined {
  return tokenize(word)[0]?.term;
}

/** Whether every word of a shown reason is a word of the side it claims to come from. */
function isRealReason(
  label: string,
  profile: ReturnType<typeof wordsOf>,
  demand: ReturnType<typeof wordsOf>,
): boolean {
  const has = (side: ReturnType<typeof wordsOf>, phrase: string) =>
    phrase.split(' ').every((word) => side.words.has(word));
  if (label.startsWith('+')) return has(profile, label.slice(1));
  const [profileSide, demandSide] = label.split(' ≈ ') as [string, string | undefined];
  if (!has(profile, profileSide)) return false;
  if (demandSide !== undefined) return has(demand, demandSide);
  if (has(demand, profileSide)) return true;
  // The same English word in another inflection: the stems match exactly.
  return (
    !HAN.test(profileSide) && profileSide.split(' ').every((word) => demand.stems.has(stemOf(word) ?? word))
  );
}

/**
 * Over the demo city's top-10 pairs by the default method: the share of explanations whose every
 * shown term is a real word of both texts, and how many generic terms were shown.
 */
export function printExplanationQuality(set: LabelledSet): void {
  const index = new MatchIndex();
  for (const profile of set.profiles) index.add(profile);
  const profileWords = new Map(set.profiles.map((profile) => [profile.id, wordsOf(textOf(profile))]));
  const documentFrequency = new Map<string, number>();
  for (const { words } of profileWords.values())
    for (const word of words) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const isGeneric = (label: string) =>
    label
      .replace(/^\+/, '')
      .split(' ≈ ')
      .some(
        (word) =>
          GENERIC_EXAMPLES.has(word) ||
          (documentFrequency.get(word) ?? 0) >= CLEARLY_GENERIC_SHARE * set.profiles.length,
      );
  let explanations = 0;
  let allReal = 0;
  let shown = 0;
  let generic = 0;
  const examples: string[] = [];
  for (const { query } of set.queries) {
    const demand = wordsOf(textOf(query));
    for (const match of index.topK(query, {
      kind: set.kind,
      k: 10,
      method: DEFAULT_METHOD,
    }) as RankedMatch[]) {
      explanations++;
      const profile = profileWords.get(match.id)!;
      const bad = match.terms.filter((term) => !isRealReason(term.term, profile, demand));
      if (bad.length === 0) allReal++;
      else if (examples.length < 5)
        examples.push(
          `${query.id} → ${match.id}: not a real word: ${bad.map((term) => term.term).join(', ')}`,
        );
      shown += match.terms.length;
      const genericTerms = match.terms.filter((term) => isGeneric(term.term));
      generic += genericTerms.length;
      if (genericTerms.length && examples.length < 8)
        examples.push(
          `${query.id} → ${match.id}: generic ${genericTerms.map((term) => term.term).join(', ')}`,
        );
    }
  }
  console.log(
    `\nexplanations of the demo city's top-10 pairs (${DEFAULT_METHOD}): ${explanations} pairs, ` +
      `${((100 * allReal) / (explanations || 1)).toFixed(1)}% with every term a real word of both texts, ` +
      `${generic} generic terms among ${shown} shown`,
  );
  for (const example of examples) console.log(`  ${example}`);
}
