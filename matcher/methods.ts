import type { ScoringModel } from './scoring.js';
import type { MethodName } from './types.js';

/** How the works of a profile add to its whole-document score. */
export type WorkAggregate = 'none' | 'max' | 'mean' | 'top';

export interface MethodSpec {
  model: ScoringModel;
  /** The baseline reads words only, every field alike, from its own index. */
  plain: boolean;
  aggregate: WorkAggregate;
  /** Expand the query by pseudo-relevance feedback before the ranking (feedback.ts). */
  feedback: boolean;
}

/**
 * The default method: BM25 of whole documents (b per kind) over words, sub-words, bigrams and
 * thesaurus concepts, the query expanded by pseudo-relevance feedback. Best macro nDCG@10 on the
 * six real labelled sets of `npm run eval:matcher` and no real set below plain BM25 (DESIGN.md).
 */
export const DEFAULT_METHOD: MethodName = 'bm25-prf';

export function methodSpec(method: MethodName): MethodSpec {
  if (method === 'baseline') return { model: 'cosine', plain: true, aggregate: 'none', feedback: false };
  if (method === 'bm25-prf') return { model: 'bm25', plain: false, aggregate: 'none', feedback: true };
  const [model, aggregate] = method.split('-') as [string, string | undefined];
  return {
    model: model === 'tfidf' ? 'cosine' : 'bm25',
    plain: false,
    aggregate: aggregate === undefined ? 'none' : aggregate === 'top3' ? 'top' : (aggregate as WorkAggregate),
    feedback: false,
  };
}
