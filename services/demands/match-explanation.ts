// The matcher returns an explanation as structure (terms with shares, how each matched, the best
// work); here it becomes the sentence a reader sees beside a match.
import type { MatchEvidence, MatchTerm } from '../../matcher/index.js';

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
  match: { terms: readonly MatchTerm[]; evidence: MatchEvidence | null },
  language: ExplainLanguage = 'zh',
): string {
  const shown = (term: MatchTerm) =>
    `${term.via === 'feedback' ? term.term.slice(1) : term.term} ${percent(term.share)}`;
  const terms = match.terms.filter((term) => term.via !== 'feedback').map(shown);
  const related = match.terms.filter((term) => term.via === 'feedback').map(shown);
  const evidence = match.evidence;
  if (language === 'en') {
    let head = terms.length ? `matched on ${terms.join(', ')}` : 'no specific terms in common';
    if (related.length) head += `; related terms of similar profiles: ${related.join(', ')}`;
    if (!evidence) return head;
    const kind = WORK_KINDS[evidence.kind ?? '']?.en ?? 'work';
    const year = evidence.year === undefined ? '' : `${evidence.year} `;
    return `${head} — best evidence: the ${year}${kind} “${evidence.title}”`;
  }
  let head = terms.length ? `匹配词：${terms.join('、')}` : '没有具体的共同词';
  if (related.length) head += `；相近档案的相关词：${related.join('、')}`;
  if (!evidence) return head;
  const kind = WORK_KINDS[evidence.kind ?? '']?.zh ?? '成果';
  const year = evidence.year === undefined ? '' : `${evidence.year} 年的`;
  return `${head}；最佳依据：${year}${kind}《${evidence.title}》`;
}
