import { postingValue, type ScoringModel } from './scoring.js';

/**
 * Relative slack on every comparison of a bound with a threshold. Bounds and scores are the
 * same products and sums taken in a different order, so they may differ in the last bits;
 * 1e-9 dwarfs that (a few ulps per term) and costs nothing measurable in pruning.
 */
const BOUND_SLACK = 1 + 1e-9;

/**
 * θ is taken again only once the bounds left fall below this multiple of the last θ: θ grows
 * slowly as terms are added, and each look costs a pass over every document touched.
 */
const RETRY_MARGIN = 1.25;

/** A query term in scoring order, with an upper bound of its part in any live document's score. */
export interface BoundedTerm {
  id: number;
  weight: number;
  bound: number;
}

/** The inverted base of a collection and the per-slot factors of one query's model. */
export interface InvertedBase {
  offsets: Int32Array;
  slots: Int32Array;
  weights: Float32Array;
  alive: Uint8Array;
  /** Whether any slot of the base is dead (alive is 0), so the scan must look. */
  hasDead: boolean;
  factors: Float64Array;
}

/** Accumulators by slot, all zero on entry, and the list of slots whose accumulator is set. */
export interface Accumulators {
  scores: Float64Array;
  touched: Int32Array;
  /** touched[0 .. fullyScored) are documents already scored in full (the delta). */
  fullyScored: number;
  /** Room for the candidates, as long as `touched`; its contents are not read. */
  candidates: Int32Array;
}

export interface PrunedScan {
  /** touched[0 .. touchedCount) were set; the caller resets them. */
  touchedCount: number;
  /**
   * Accepted slots whose complete score (in the accumulators) is at least the `limit`-th best:
   * the best `limit` and any that tie with the last of them, in no particular order.
   */
  survivors: Int32Array;
  /** Postings scanned plus postings sought: the work done, for tests of the pruning. */
  postingsVisited: number;
}

/** Smallest of the best `limit` scores offered, or 0 while fewer than `limit` were offered. */
class ScoreFloor {
  private readonly heap: Float64Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.heap = new Float64Array(limit);
  }

  get value(): number {
    return this.size < this.limit ? 0 : this.heap[0]!;
  }

  /** True when a score would enter the best `limit`; check before paying for an acceptance test. */
  admits(score: number): boolean {
    return this.size < this.limit || score > this.heap[0]!;
  }

  offer(score: number): void {
    const heap = this.heap;
    let index: number;
    if (this.size < this.limit) {
      index = this.size++;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (heap[parent]! <= score) break;
        heap[index] = heap[parent]!;
        index = parent;
      }
      heap[index] = score;
      return;
    }
    index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const smaller = right < this.size && heap[right]! < heap[left]! ? right : left;
      if (heap[smaller]! >= score) break;
      heap[index] = heap[smaller]!;
      index = smaller;
    }
    heap[index] = score;
  }
}

/** First index in [from, end) whose slot is ≥ target, found by galloping then bisecting. */
function seek(slots: Int32Array, from: number, end: number, target: number): number {
  if (from >= end || slots[from]! >= target) return from;
  let low = from;
  let step = 1;
  let high = from + 1;
  while (high < end && slots[high]! < target) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > end) high = end;
  while (low + 1 < high) {
    const middle = (low + high) >>> 1;
    if (slots[middle]! < target) low = middle;
    else high = middle;
  }
  return high;
}

/** Caches the caller's acceptance test per slot: thresholds are taken many times over the same documents. */
function cachedAcceptance(
  accept: ((slot: number) => boolean) | undefined,
  slotCount: number,
): (slot: number) => boolean {
  if (!accept) return () => true;
  const known = new Uint8Array(slotCount);
  return (slot) => {
    const state = known[slot]!;
    if (state !== 0) return state === 1;
    const accepted = accept(slot);
    known[slot] = accepted ? 1 : 2;
    return accepted;
  };
}

/**
 * Scores the base term at a time in the given order (decreasing bound), as Collection.score()
 * does, until the bounds of the terms left add up to less than θ, the `limit`-th best partial
 * score of an accepted document: from then on no document not yet seen can rank, so only the
 * accepted documents whose partial score plus the bounds left can still reach θ are kept, and
 * each later term is looked up for them by galloping through its slot-sorted posting list.
 * Parts are added in the same order as in an exhaustive scan, so scores keep their bits.
 * Comparisons keep documents that could equal θ: ties are broken by key, later.
 */
export function scanPruned(
  model: ScoringModel,
  terms: readonly BoundedTerm[],
  limit: number,
  accept: ((slot: number) => boolean) | undefined,
  base: InvertedBase,
  accumulators: Accumulators,
): PrunedScan {
  const { offsets, slots, weights, alive, hasDead, factors } = base;
  const { scores, touched, fullyScored, candidates: room } = accumulators;
  const accepted = cachedAcceptance(accept, scores.length);
  const termCount = terms.length;
  const boundsLeft = new Float64Array(termCount + 1);
  const postingsLeft = new Float64Array(termCount + 1);
  for (let position = termCount - 1; position >= 0; position--) {
    const { id, bound } = terms[position]!;
    const length = id < offsets.length - 1 ? offsets[id + 1]! - offsets[id]! : 0;
    boundsLeft[position] = boundsLeft[position + 1]! + bound;
    postingsLeft[position] = postingsLeft[position + 1]! + length;
  }
  let bestFull = 0;
  for (let index = 0; index < fullyScored; index++) bestFull = Math.max(bestFull, scores[touched[index]!]!);

  // Acceptance is asked only of scores that would enter the floor: it may cost a lookup.
  const threshold = (from: number, to: number, listed: Int32Array = touched): number => {
    const floor = new ScoreFloor(limit);
    for (let index = 0; index < fullyScored; index++) {
      const slot = touched[index]!;
      const score = scores[slot]!;
      if (score > 0 && floor.admits(score) && accepted(slot)) floor.offer(score);
    }
    for (let index = from; index < to; index++) {
      const slot = listed[index]!;
      const score = scores[slot]!;
      if (score > 0 && floor.admits(score) && accepted(slot)) floor.offer(score);
    }
    return floor.value;
  };

  let touchedCount = fullyScored;
  let postingsVisited = 0;
  let boundsSeen = 0;
  let lastTheta = 0;
  let looked = false;
  let postingsSinceLook = 0;
  for (let position = 0; position < termCount; position++) {
    const { id, weight, bound } = terms[position]!;
    const left = boundsLeft[position]! * BOUND_SLACK;
    // θ costs a pass over the documents touched: take it only when the postings it may save
    // are more, the bounds left are below the best score any document could have now, and
    // (after the first look) close to the last θ, with enough postings added since to raise
    // it. θ only grows, so once the bounds left fall below the last θ there is no need to look.
    let theta = lastTheta;
    const worthLooking =
      touchedCount >= limit &&
      postingsLeft[position]! >= touchedCount &&
      left < Math.max(boundsSeen, bestFull) &&
      (!looked || (left < lastTheta * RETRY_MARGIN && postingsSinceLook * 2 >= touchedCount));
    if (worthLooking && left >= lastTheta) {
      theta = threshold(fullyScored, touchedCount);
      lastTheta = theta;
      looked = true;
      postingsSinceLook = 0;
    }
    if (left < theta) {
      const { candidates, threshold: last } = finishCandidates(position, theta);
      return { touchedCount, survivors: survivorsOf(candidates, last), postingsVisited };
    }
    boundsSeen += bound;
    if (id >= offsets.length - 1) continue;
    const end = offsets[id + 1]!;
    postingsVisited += end - offsets[id]!;
    postingsSinceLook += end - offsets[id]!;
    for (let index = offsets[id]!; index < end; index++) {
      const slot = slots[index]!;
      if (hasDead && alive[slot] === 0) continue;
      if (scores[slot] === 0) touched[touchedCount++] = slot;
      scores[slot]! += postingValue(model, weight, weights[index]!, factors[slot]!);
    }
  }
  const scanned = touched.subarray(fullyScored, touchedCount);
  return {
    touchedCount,
    survivors: survivorsOf(scanned, threshold(fullyScored, touchedCount)),
    postingsVisited,
  };

  /** The fully scored documents and the listed base ones that are accepted and reach θ. */
  function survivorsOf(listed: Int32Array, theta: number): Int32Array {
    const kept: number[] = [];
    const consider = (slot: number) => {
      const score = scores[slot]!;
      if (score > 0 && score >= theta && accepted(slot)) kept.push(slot);
    };
    for (let index = 0; index < fullyScored; index++) consider(touched[index]!);
    for (const slot of listed) consider(slot);
    return Int32Array.from(kept);
  }

  /** Keeps the base documents that can still reach θ and adds the remaining terms' parts to them only. */
  function finishCandidates(
    first: number,
    startTheta: number,
  ): { candidates: Int32Array; threshold: number } {
    let theta = startTheta;
    let candidates = keepReachable(
      touched.subarray(fullyScored, touchedCount),
      boundsLeft[first]!,
      theta,
      room,
    );
    // Only galloping needs the candidates in slot order, and by then there are fewer to sort.
    let sorted = false;
    // Pruning passes over every candidate: worth it once the postings read since the last
    // pass are as many as half the candidates.
    let workSincePrune = 0;
    for (let position = first; position < termCount && candidates.length > 0; position++) {
      const { id, weight } = terms[position]!;
      if (id >= offsets.length - 1) continue;
      const start = offsets[id]!;
      const end = offsets[id + 1]!;
      const count = candidates.length;
      if (count * (Math.log2((end - start) / count + 1) + 1) < end - start) {
        if (!sorted) candidates.sort();
        sorted = true;
        let cursor = start;
        for (let index = 0; index < count && cursor < end; index++) {
          const slot = candidates[index]!;
          cursor = seek(slots, cursor, end, slot);
          postingsVisited++;
          workSincePrune++;
          if (cursor < end && slots[cursor] === slot) {
            scores[slot]! += postingValue(model, weight, weights[cursor]!, factors[slot]!);
          }
        }
      } else {
        // Dropped documents hold a negative mark, untouched ones zero: only candidates are positive.
        postingsVisited += end - start;
        workSincePrune += end - start;
        for (let index = start; index < end; index++) {
          const slot = slots[index]!;
          if (scores[slot]! > 0)
            scores[slot]! += postingValue(model, weight, weights[index]!, factors[slot]!);
        }
      }
      if (workSincePrune * 2 < candidates.length) continue;
      workSincePrune = 0;
      theta = Math.max(theta, threshold(0, candidates.length, candidates));
      candidates = keepReachable(candidates, boundsLeft[position + 1]!, theta, candidates);
    }
    // The last pass may have been skipped: a fresh θ keeps the survivors few.
    return { candidates, threshold: Math.max(theta, threshold(0, candidates.length, candidates)) };
  }

  /**
   * The slots whose score plus `left` could reach θ, written to `kept` from its start (which may
   * be `listed` itself); the others are marked dropped. Rejected documents are kept too: asking
   * costs more than carrying them until the bounds drop them.
   */
  function keepReachable(listed: Int32Array, left: number, theta: number, kept: Int32Array): Int32Array {
    let count = 0;
    for (let index = 0; index < listed.length; index++) {
      const slot = listed[index]!;
      if ((scores[slot]! + left) * BOUND_SLACK >= theta) kept[count++] = slot;
      else scores[slot] = -1;
    }
    return kept.subarray(0, count);
  }
}
