import { BM25_B, BM25_K1 } from './constants.js';

/** Scoring models over an inverted index. */
export type ScoringModel = 'cosine' | 'bm25';

/** Sublinear term frequency: 1 + ln tf from one occurrence up, linear below (bigrams weigh 0.5). */
export function sublinear(tf: number): number {
  return tf > 1 ? 1 + Math.log(tf) : tf;
}

/** Smoothed idf (as scikit-learn's): ln((1 + N) / (1 + df)) + 1, never zero, so no term is lost. */
export function idf(documentCount: number, documentFrequency: number): number {
  return Math.log((1 + documentCount) / (1 + documentFrequency)) + 1;
}

/** BM25's idf in Lucene's form, which stays positive for terms in over half the documents. */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * BM25's length normalisation of one document: k1 × (1 − b + b × length / average length).
 * `b` is the collection's (see BM25_B and BM25_B_PROFILES_WITH_WORKS).
 */
export function bm25LengthFactor(documentLength: number, averageLength: number, b = BM25_B): number {
  const lengthRatio = averageLength > 0 ? documentLength / averageLength : 1;
  return BM25_K1 * (1 - b + b * lengthRatio);
}

/** BM25's saturated, length-normalised term frequency. */
export function bm25(tf: number, documentLength: number, averageLength: number, b = BM25_B): number {
  return (tf * (BM25_K1 + 1)) / (tf + bm25LengthFactor(documentLength, averageLength, b));
}

/**
 * One posting's part of a score: for cosine, query weight × sublinear tf × the document's
 * inverse norm; for BM25, query weight × saturated tf given the document's length factor.
 */
export function postingValue(
  model: ScoringModel,
  weight: number,
  tf: number,
  documentFactor: number,
): number {
  return model === 'cosine'
    ? weight * sublinear(tf) * documentFactor
    : (weight * (tf * (BM25_K1 + 1))) / (tf + documentFactor);
}

/** Cosine of two sparse vectors given as maps. */
export function cosine(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const [term, value] of left) {
    leftNorm += value * value;
    const other = right.get(term);
    if (other !== undefined) dot += value * other;
  }
  for (const value of right.values()) rightNorm += value * value;
  return leftNorm > 0 && rightNorm > 0 ? dot / Math.sqrt(leftNorm * rightNorm) : 0;
}
