import type { MatchEvidence, MatchTerm } from '../../matcher/index.js';
import { type Locale, translate } from '../i18n/index.js';

const WORK_KINDS = new Set(['paper', 'patent', 'project', 'result']);

/**
 * Why a profile fits, worded from the matcher's structure (terms with their shares, the best
 * evidence) in the reader's language: "匹配词：碳纤维 32%、固化 21%；最佳依据：2021 年的专利《…》",
 * "matched on 碳纤维 32%, 固化 21% — best evidence: the 2021 patent “…”".
 */
export function wordExplanation(
  match: { terms: MatchTerm[]; evidence: MatchEvidence | null },
  locale: Locale,
): string {
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);
  // A term learnt from staff decisions carries a marker first character; the reader sees the word.
  const shown = (term: MatchTerm) =>
    t('explain.term', {
      term: term.via === 'feedback' ? term.term.slice(1) : term.term,
      percent: Math.round(term.share * 100),
    });
  const list = (terms: MatchTerm[]) => terms.map(shown).join(t('explain.separator'));
  const direct = match.terms.filter((term) => term.via !== 'feedback');
  const related = match.terms.filter((term) => term.via === 'feedback');
  let text = direct.length ? t('explain.terms', { terms: list(direct) }) : t('explain.noTerms');
  if (related.length) text = t('explain.related', { head: text, related: list(related) });
  const evidence = match.evidence;
  if (!evidence) return text;
  const kind = t(`explain.work.${WORK_KINDS.has(evidence.kind ?? '') ? evidence.kind : 'other'}`);
  return evidence.year === undefined
    ? t('explain.evidence', { head: text, kind, title: evidence.title })
    : t('explain.evidenceOfYear', { head: text, kind, title: evidence.title, year: evidence.year });
}
