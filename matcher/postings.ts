/**
 * Inverting a forward store into posting lists: the one step of a bulk build that the main
 * thread did alone after the workers had finished (a million profiles: 10–16 s of 80–130).
 * It is bound by memory, nearly every posting written to a cache line of its own, so it is
 * split by term: each thread reads every document but writes only the lists of its terms,
 * into postings shared by all, and no two threads write one list. Each list comes out in slot
 * order whichever thread wrote it, so the base is the same bits however the work was split.
 */

/** A forward store's documents as plain arrays: slot s has counts[s] entries from offsetOf[s] of chunk chunkOf[s]. */
export interface ForwardLayout {
  termChunks: Int32Array[];
  weightChunks: Float32Array[];
  chunkOf: Int32Array;
  offsetOf: Int32Array;
  counts: Int32Array;
  slotCount: number;
}

/**
 * One thread's share: the lists of terms termFrom up to termTo, written at `offsets` (where
 * each term's list starts) into `slots` and `weights`, which are in shared memory when other
 * threads write the rest.
 */
export interface PostingsJob {
  forward: ForwardLayout;
  offsets: Int32Array;
  termFrom: number;
  termTo: number;
  slots: Int32Array;
  weights: Float32Array;
}

/** Runs a job in another thread and settles when its lists are written. */
export type PostingsHelper = (job: PostingsJob) => Promise<void>;

export function writePostings(job: PostingsJob): void {
  const { forward, offsets, termFrom, termTo, slots, weights } = job;
  const cursor = offsets.slice(termFrom, termTo);
  const { termChunks, weightChunks, chunkOf, offsetOf, counts } = forward;
  for (let slot = 0; slot < forward.slotCount; slot++) {
    const chunk = chunkOf[slot]!;
    const termIds = termChunks[chunk]!;
    const termWeights = weightChunks[chunk]!;
    const to = offsetOf[slot]! + counts[slot]!;
    for (let index = offsetOf[slot]!; index < to; index++) {
      const term = termIds[index]! - termFrom;
      // One unsigned comparison tests both ends of the range.
      if (term >>> 0 >= cursor.length) continue;
      const position = cursor[term]!++;
      slots[position] = slot;
      weights[position] = termWeights[index]!;
    }
  }
}

/**
 * Splits the terms into `parts` ranges of about equal postings (a range boundary never splits
 * a term's list); `offsets` has one entry per term plus the total.
 */
export function termRanges(offsets: Int32Array, parts: number): [from: number, to: number][] {
  const termCount = offsets.length - 1;
  const total = offsets[termCount]!;
  const ranges: [number, number][] = [];
  let from = 0;
  for (let part = 1; part <= parts; part++) {
    let to = from;
    // The last range takes every term left: no list ends beyond the total.
    const target = part === parts ? total : (total * part) / parts;
    while (to < termCount && offsets[to + 1]! <= target) to++;
    ranges.push([from, to]);
    from = to;
  }
  return ranges;
}

/** Writes every list, one share here and one in each helper's thread. */
export async function writePostingsShared(
  job: Omit<PostingsJob, 'termFrom' | 'termTo'>,
  helpers: readonly PostingsHelper[],
): Promise<void> {
  const [own, ...others] = termRanges(job.offsets, helpers.length + 1);
  const done = others.map(([termFrom, termTo], part) => helpers[part]!({ ...job, termFrom, termTo }));
  writePostings({ ...job, termFrom: own![0], termTo: own![1] });
  await Promise.all(done);
}
