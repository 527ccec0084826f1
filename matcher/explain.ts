import { EXPLAIN_TERMS, MIN_TERM_SHARE } from './constants.js';
import { BIGRAM_PREFIX, displayTerm } from './tokenize.js';
import type { MatchTerm, RankedMatch } from './types.js';

const HAN = /\p{Script=Han}/u;

/**
 * Turns per-term score parts into the few terms a reader should see, with shares of the score.
 * A bigram or short word inside a longer matched word (纤维 inside 碳纤维) is credited to that
 * word, so the explanation names 碳纤维 once instead of three overlapping fragments.
 */
export function foldTerms(parts: ReadonlyMap<string, number>): MatchTerm[] {
  let total = 0;
  for (const value of parts.values()) total += value;
  if (total <= 0) return [];
  const words = [...parts.keys()]
    .filter((term) => !term.startsWith(BIGRAM_PREFIX) && HAN.test(term))
    .sort((left, right) => right.length - left.length);
  const folded = new Map<string, number>();
  for (const [term, value] of parts) {
    const shown = displayTerm(term);
    const containers = HAN.test(shown)
      ? words.filter((word) => word.length > shown.length && word.includes(shown))
      : [];
    if (containers.length === 0) {
      folded.set(shown, (folded.get(shown) ?? 0) + value);
      continue;
    }
    for (const word of containers) folded.set(word, (folded.get(word) ?? 0) + value / containers.length);
  }
  return [...folded]
    .map(([term, value]) => ({ term, share: Math.round((value / total) * 1000) / 1000 }))
    .filter((term) => term.share >= MIN_TERM_SHARE)
    .sort((left, right) => right.share - left.share || (left.term < right.term ? -1 : 1))
    .slice(0, EXPLAIN_TERMS);
}

export type ExplainLanguage = 'zh' | 'en';

const WORK_KINDS: Record<string, { zh: string; en: string }> = {
  paper: { zh: '论文', en: 'paper' },
  patent: { zh: '专利', en: 'patent' },
  project: { zh: '项目', en: 'project' },
  result: { zh: '成果', en: 'result' },
};

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The sentence a user reads beside a match, e.g. "matched on 碳纤维 32%, 固化 21% — best
 * evidence: the 2021 patent “…”", or in Chinese "匹配词：碳纤维 32%、固化 21%；最佳依据：2021 年的专利《…》".
 */
export function explain(
  match: Pick<RankedMatch, 'terms' | 'evidence'>,
  language: ExplainLanguage = 'zh',
): string {
  const terms = match.terms.map((term) => `${term.term} ${percent(term.share)}`);
  const evidence = match.evidence;
  if (language === 'en') {
    const head = terms.length ? `matched on ${terms.join(', ')}` : 'no terms in common';
    if (!evidence) return head;
    const kind = WORK_KINDS[evidence.kind ?? '']?.en ?? 'work';
    const year = evidence.year === undefined ? '' : `${evidence.year} `;
    return `${head} — best evidence: the ${year}${kind} “${evidence.title}”`;
  }
  const head = terms.length ? `匹配词：${terms.join('、')}` : '没有共同的词';
  if (!evidence) return head;
  const kind = WORK_KINDS[evidence.kind ?? '']?.zh ?? '成果';
  const year = evidence.year === undefined ? '' : `${evidence.year} 年的`;
  return `${head}；最佳依据：${year}${kind}《${evidence.title}》`;
}
