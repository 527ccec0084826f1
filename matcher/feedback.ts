import type { TermVector } from './analyze.js';
import type { Collection } from './collection.js';
import { FEEDBACK_DOCUMENTS, FEEDBACK_QUERY_SHARE, FEEDBACK_TERMS } from './constants.js';

/** A query after pseudo-relevance feedback, and the terms the feedback brought in. */
export interface ExpandedQuery {
  vector: TermVector;
  added: ReadonlySet<string>;
}

const NOTHING_ADDED: ReadonlySet<string> = new Set();

/**
 * RM3-style pseudo-relevance feedback: rank by BM25, read the best FEEDBACK_DOCUMENTS documents,
 * weigh each of their terms by its share of the document (tf / length) times the document's
 * weight exp(score − best score), and mix the FEEDBACK_TERMS heaviest into the query at
 * 1 − FEEDBACK_QUERY_SHARE of its mass. The result is an ordinary term vector, so every score is
 * still a sum of term parts, and the terms added are reported so explanations can say so.
 *
 * exp(score − best) is sharp on purpose: BM25 scores differ by whole units, so the first
 * documents dominate and a weak fifth one adds little (uniform or linear weights measured worse).
 */
export function expandQuery(collection: Collection, query: TermVector): ExpandedQuery {
  const top = collection.topSlots(query, 'bm25', FEEDBACK_DOCUMENTS);
  if (top.slots.length === 0) return { vector: query, added: NOTHING_ADDED };
  const best = top.scores[0]!;
  const weights = new Map<string, number>();
  for (let index = 0; index < top.slots.length; index++) {
    const documentWeight = Math.exp(top.scores[index]! - best);
    const terms: [string, number][] = [];
    const length = collection.readDocument(top.slots[index]!, (term, tf, termId) => {
      if (collection.scoresTerm(termId)) terms.push([term, tf]);
    });
    for (const [term, tf] of terms)
      weights.set(term, (weights.get(term) ?? 0) + (documentWeight * tf) / (length || 1));
  }
  // Ties by term, not by id or first appearance: those depend on the order documents came in.
  const chosen = heaviest([...weights], FEEDBACK_TERMS);
  let queryMass = 0;
  for (const weight of query.values()) queryMass += weight;
  let feedbackMass = 0;
  for (const [, weight] of chosen) feedbackMass += weight;
  if (feedbackMass <= 0 || queryMass <= 0) return { vector: query, added: NOTHING_ADDED };
  const vector: TermVector = new Map();
  for (const [term, weight] of query) vector.set(term, FEEDBACK_QUERY_SHARE * weight);
  const added = new Set<string>();
  const scale = ((1 - FEEDBACK_QUERY_SHARE) * queryMass) / feedbackMass;
  for (const [term, weight] of chosen) {
    if (!query.has(term)) added.add(term);
    vector.set(term, (vector.get(term) ?? 0) + weight * scale);
  }
  return { vector, added };
}

/**
 * The `count` heaviest terms, heaviest first, ties by term. Only the terms at least as heavy as
 * the count-th heaviest weight are sorted: the top documents hold a thousand terms or more, and
 * sorting them all by a comparator was most of the feedback's own cost.
 */
function heaviest(entries: [string, number][], count: number): [string, number][] {
  let candidates = entries;
  if (entries.length > count) {
    const values = Float64Array.from(entries, (entry) => entry[1]).sort();
    const cutoff = values[values.length - count]!;
    candidates = entries.filter((entry) => entry[1] >= cutoff);
  }
  return candidates
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .slice(0, count);
}
