import type { ScoringModel } from './scoring.js';
import type { MethodName } from './types.js';

/** How the works of a profile add to its whole-document score. */
export type WorkAggregate = 'none' | 'max' | 'mean' | 'top';

export interface MethodSpec {
  model: ScoringModel;
  /** The baseline reads words only, every field alike, from its own index. */
  plain: boolean;
  aggregate: WorkAggregate;
}

/**
 * The default method: TF-IDF cosine of whole documents over words, sub-words, bigrams and
 * thesaurus concepts. Best on the held-out sets of `npm run eval:matcher` and within 0.003 nDCG
 * of the best on the tuning sets; per-work mixes did not pay for their cost (see DESIGN.md).
 */
export const DEFAULT_METHOD: MethodName = 'tfidf';

export function methodSpec(method: MethodName): MethodSpec {
  if (method === 'baseline') return { model: 'cosine', plain: true, aggregate: 'none' };
  const [model, aggregate] = method.split('-') as [string, string | undefined];
  return {
    model: model === 'tfidf' ? 'cosine' : 'bm25',
    plain: false,
    aggregate: aggregate === undefined ? 'none' : aggregate === 'top3' ? 'top' : (aggregate as WorkAggregate),
  };
}
