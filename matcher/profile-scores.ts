import type { TermVector } from './analyze.js';
import type { Collection } from './collection.js';
import { BEST_WORKS_COUNT, WHOLE_PROFILE_SHARE } from './constants.js';
import type { MethodSpec, WorkAggregate } from './methods.js';

/** The documents of one kind a query touched, by slot of `collection`, with their final scores. */
export interface ProfileScores {
  collection: Collection;
  slots: Int32Array;
  values: Float64Array;
  /** Factors that turned whole-document and work scores into the final one (for explanations). */
  wholeScale: number;
  workScale: number;
}

interface KindCollections {
  whole: Collection;
  works: Collection;
  plain: Collection | undefined;
}

function maximum(values: Float64Array): number {
  let best = 0;
  for (const value of values) if (value > best) best = value;
  return best;
}

/** Mean of the best BEST_WORKS_COUNT, or of all works when there are fewer. */
function aggregateWorks(scores: number[], workCount: number, aggregate: WorkAggregate): number {
  // Sorted first: the order works were touched in depends on slots, and a float sum on order.
  const sorted = scores.sort((left, right) => right - left);
  if (aggregate === 'max') return sorted[0]!;
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  if (aggregate === 'mean') return total(sorted) / workCount;
  return total(sorted.slice(0, BEST_WORKS_COUNT)) / Math.min(BEST_WORKS_COUNT, workCount);
}

/**
 * Scores a query against every document of a kind. With a work aggregate, the final score is
 * WHOLE_PROFILE_SHARE × whole + the rest × aggregate of the works; a profile without works keeps
 * its whole score. BM25 scores are unbounded, so both parts are first divided by their maximum
 * in this query; cosine scores already lie in 0..1.
 */
export function scoreProfiles(
  kinds: KindCollections,
  vector: TermVector,
  spec: MethodSpec,
  workCount: (id: string) => number,
): ProfileScores {
  const collection = spec.plain ? kinds.plain! : kinds.whole;
  const whole = collection.score(vector, spec.model);
  if (spec.aggregate === 'none') {
    return { collection, slots: whole.slots, values: whole.scores, wholeScale: 1, workScale: 0 };
  }
  const works = kinds.works.score(vector, spec.model);
  const perProfile = new Map<string, number[]>();
  for (let index = 0; index < works.slots.length; index++) {
    const key = kinds.works.keyOfSlot(works.slots[index]!);
    const id = key.slice(0, key.lastIndexOf('#'));
    const list = perProfile.get(id);
    if (list) list.push(works.scores[index]!);
    else perProfile.set(id, [works.scores[index]!]);
  }
  const wholeMaximum = spec.model === 'bm25' ? maximum(whole.scores) || 1 : 1;
  const workMaximum = spec.model === 'bm25' ? maximum(works.scores) || 1 : 1;
  const wholeScale = WHOLE_PROFILE_SHARE / wholeMaximum;
  const workScale = (1 - WHOLE_PROFILE_SHARE) / workMaximum;
  const values = new Float64Array(whole.slots.length);
  for (let index = 0; index < whole.slots.length; index++) {
    const id = collection.keyOfSlot(whole.slots[index]!);
    const count = workCount(id);
    const score = whole.scores[index]!;
    if (count === 0) {
      values[index] = score / wholeMaximum;
      continue;
    }
    const matched = perProfile.get(id);
    values[index] =
      wholeScale * score + (matched ? workScale * aggregateWorks(matched, count, spec.aggregate) : 0);
  }
  return { collection, slots: whole.slots, values, wholeScale, workScale };
}
