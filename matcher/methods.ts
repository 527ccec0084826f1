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
 * The default method: BM25 over words, sub-words and bigrams, the whole profile mixed with the
 * mean of its best works. Chosen by `npm run eval:matcher` (see DESIGN.md).
 */
export const DEFAULT_METHOD: MethodName = 'bm25-top3';

export function methodSpec(method: MethodName): MethodSpec {
  if (method === 'baseline') return { model: 'cosine', plain: true, aggregate: 'none' };
  const [model, aggregate] = method.split('-') as [string, string | undefined];
  return {
    model: model === 'tfidf' ? 'cosine' : 'bm25',
    plain: false,
    aggregate: aggregate === undefined ? 'none' : aggregate === 'top3' ? 'top' : (aggregate as WorkAggregate),
  };
}
