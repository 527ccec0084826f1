import type { TermVector } from './analyze.js';
import {
  BM25_B,
  BM25_K1,
  LENGTH_QUANTUM,
  MAX_QUERY_TERM_DF_RATIO,
  MIN_DOCUMENTS_FOR_PRUNING,
  MIN_TABLE_SIZE,
} from './constants.js';
import { ForwardStore } from './forward-store.js';
import { type PostingsHelper, type PostingsJob, writePostings, writePostingsShared } from './postings.js';
import { bm25Idf, bm25LengthFactor, idf, postingValue, type ScoringModel, sublinear } from './scoring.js';
import { restore, type Snapshot, snapshotOf } from './snapshot.js';
import { type BoundedTerm, scanPruned } from './top-slots.js';
import { Vocabulary } from './vocabulary.js';

/** Postings of recent documents scanned per query before the inverted base is rebuilt. */
const DELTA_SCAN_LIMIT = 1 << 16;
/** Squared weights are summed as integers in these units, so that norms do not depend on order. */
const NORM_SCALE = 2 ** 20;

/** Scores of the documents a query touched, by slot; the arrays have equal length. */
export interface ScoredSlots {
  slots: Int32Array;
  scores: Float64Array;
}

/** The best slots of a query, best first, and the postings read to find them. */
export interface TopSlots extends ScoredSlots {
  postingsVisited: number;
}

/**
 * A query term resolved against the collection; `weight` multiplies each posting's tf part,
 * and `bound` is at least its part in any live document's score.
 */
type QueryTerm = BoundedTerm;

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * An inverted index over one set of documents (one kind, one analysis) whose collection
 * statistics stay exact under add and remove. Documents live in a forward store; an inverted
 * base (compressed sparse rows over typed arrays) covers the documents present at its last
 * rebuild, and newer ones are scanned directly until they are many enough to fold in, as in
 * a log-structured index. Removal marks a slot dead and lowers document frequencies at once.
 * Every document's score is summed in query-term order, and cosine norms as integers, so any
 * history of updates ranks exactly like a fresh build.
 */
export class Collection {
  private documentFrequency = new Int32Array(MIN_TABLE_SIZE);
  /** Counts changes to the documents, so a memo can tell whether it is still current. */
  private version = 0;
  private lastResolved: {
    query: TermVector;
    model: ScoringModel;
    version: number;
    terms: QueryTerm[];
  } | null = null;
  private queryPosition = new Int32Array(MIN_TABLE_SIZE);

  private forward = new ForwardStore();
  private readonly slotOf = new Map<string, number>();
  private slotKeys: (string | undefined)[] = [];
  private alive = new Uint8Array(MIN_TABLE_SIZE);
  private lengths = new Float64Array(MIN_TABLE_SIZE);
  private inverseNorms = new Float64Array(MIN_TABLE_SIZE);
  private lengthFactors = new Float64Array(MIN_TABLE_SIZE);
  private lengthFactorsValid = true;
  /** Per term, the largest posting value at query weight 1 over live documents, by model. */
  private cosineTermMaxima = new Float64Array(0);
  private bm25TermMaxima = new Float64Array(0);
  private accumulator = new Float64Array(MIN_TABLE_SIZE);
  private touched = new Int32Array(MIN_TABLE_SIZE);
  /** Scratch for topSlots()'s candidates, as long as `touched`: not copied into snapshots. */
  private candidates = new Int32Array(0);
  private totalLengthUnits = 0;
  private normsValid = true;
  private deadSlots = 0;

  private baseSlotCount = 0;
  private baseOffsets: Int32Array = new Int32Array(1);
  /** Counts rebuilds, so that prepareShared() can tell whether one came while it worked. */
  private rebuilds = 0;
  private baseSlots: Int32Array = new Int32Array(0);
  private baseWeights: Float32Array = new Float32Array(0);
  private deltaPostings = 0;
  private scratchIds = new Int32Array(256);
  private scratchWeights = new Float32Array(256);

  /**
   * `vocabulary` numbers the terms; an index shares one among its collections. `bm25B` is BM25's
   * length normalisation for this collection's kind of document.
   */
  constructor(
    private readonly vocabulary = new Vocabulary(),
    private readonly bm25B = BM25_B,
  ) {}

  get size(): number {
    return this.slotOf.size;
  }

  has(key: string): boolean {
    return this.slotOf.has(key);
  }

  slotOfKey(key: string): number | undefined {
    return this.slotOf.get(key);
  }

  keyOfSlot(slot: number): string {
    return this.slotKeys[slot]!;
  }

  /** Slots in use or freed since the last compaction; iterate with isLive(). */
  get slotCount(): number {
    return this.slotKeys.length;
  }

  isLive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /**
   * Does now what the next query by `model` would otherwise do first after a change: folds
   * recent documents into the inverted base and computes the model's document factors and term
   * bounds. For bulk builds, so that the build, not the first query, pays for them.
   */
  prepare(model: ScoringModel): void {
    if (this.deltaPostings > 0 || this.deadSlots > 0) this.rebuild();
    this.slotFactors(model);
  }

  /**
   * prepare() with the posting lists written by this thread and the helpers' together, for bulk
   * builds. Until it settles, queries are still exact (they scan every document as recent), and
   * if the documents change meanwhile, its lists are dropped and the base is rebuilt here.
   */
  async prepareShared(model: ScoringModel, helpers: readonly PostingsHelper[]): Promise<void> {
    if (this.deltaPostings > 0 || this.deadSlots > 0) {
      const job = this.startRebuild();
      const { version, rebuilds } = this;
      await writePostingsShared(job, helpers);
      if (this.version === version && this.rebuilds === rebuilds) this.finishRebuild(job);
      else if (this.deltaPostings > 0) this.rebuild();
    }
    this.slotFactors(model);
  }

  /**
   * The collection as plain data, for a copy in another thread that answers queries exactly as
   * this one does (a batch ranking demands on every core); the vocabulary travels separately,
   * as the index's collections share it.
   */
  snapshot(): Snapshot {
    return snapshotOf(this, {
      vocabulary: undefined,
      lastResolved: undefined,
      candidates: undefined,
      forward: this.forward.snapshot(),
    });
  }

  static fromSnapshot(vocabulary: Vocabulary, snapshot: Snapshot): Collection {
    return restore(new Collection(vocabulary), snapshot, {
      forward: ForwardStore.fromSnapshot(snapshot.forward as Snapshot),
    });
  }

  /** Adds a document under a key that must not be present. */
  add(key: string, vector: TermVector): void {
    // Reused between adds: two small typed arrays per document were a measurable share of bulk loading.
    if (this.scratchIds.length < vector.size) {
      this.scratchIds = new Int32Array(vector.size * 2);
      this.scratchWeights = new Float32Array(vector.size * 2);
    }
    let index = 0;
    vector.forEach((weight, term) => {
      this.scratchIds[index] = this.vocabulary.intern(term);
      this.scratchWeights[index++] = weight;
    });
    this.addEncoded(key, this.scratchIds.subarray(0, index), this.scratchWeights.subarray(0, index));
    // Folding new documents in once they match the base in size keeps the total work linear.
    if (this.deltaPostings > Math.max(DELTA_SCAN_LIMIT, this.baseSlots.length)) this.rebuild();
  }

  /**
   * Adds a document given as term ids of this collection's vocabulary, each at most once, and
   * their weights: what add() does once the terms are numbered, which workers can do in bulk.
   * For bulk loads: folding into the inverted base is left to the next query or to prepare().
   */
  addEncoded(key: string, termIds: Int32Array, weights: Float32Array): void {
    if (this.slotOf.has(key)) throw new Error(`duplicate key ${key}`);
    this.ensureTermCapacity(this.vocabulary.size);
    let length = 0;
    for (let index = 0; index < termIds.length; index++) {
      this.documentFrequency[termIds[index]!]!++;
      length += weights[index]!;
    }
    const slot = this.forward.append(termIds, weights);
    this.ensureSlotCapacity(slot + 1);
    this.slotKeys.push(key);
    this.slotOf.set(key, slot);
    this.alive[slot] = 1;
    const units = Math.round(length / LENGTH_QUANTUM);
    this.lengths[slot] = units * LENGTH_QUANTUM;
    this.totalLengthUnits += units;
    this.deltaPostings += termIds.length;
    this.changed();
    this.lengthFactorsValid = false;
  }

  remove(key: string): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.forward.read(slot, (termIds, _weights, from, to) => {
      for (let index = from; index < to; index++) this.documentFrequency[termIds[index]!]!--;
    });
    this.totalLengthUnits -= Math.round(this.lengths[slot]! / LENGTH_QUANTUM);
    this.alive[slot] = 0;
    this.slotKeys[slot] = undefined;
    this.slotOf.delete(key);
    this.deadSlots++;
    this.changed();
    this.lengthFactorsValid = false;
    if (this.deadSlots > Math.max(MIN_TABLE_SIZE, this.slotOf.size)) this.rebuild();
    return true;
  }

  /** Scores every document that shares a term with the query, term at a time. */
  score(query: TermVector, model: ScoringModel): ScoredSlots {
    if (this.deltaPostings > DELTA_SCAN_LIMIT) this.rebuild();
    const factors = this.slotFactors(model);
    const queryTerms = this.resolveQuery(query, model);
    const { accumulator, touched, alive, baseOffsets, baseSlots, baseWeights } = this;
    const checkAlive = this.deadSlots > 0;
    let touchedCount = 0;
    for (const { id, weight } of queryTerms) {
      if (id >= baseOffsets.length - 1) continue;
      const end = baseOffsets[id + 1]!;
      for (let index = baseOffsets[id]!; index < end; index++) {
        const slot = baseSlots[index]!;
        if (checkAlive && alive[slot] === 0) continue;
        if (accumulator[slot] === 0) touched[touchedCount++] = slot;
        accumulator[slot]! += postingValue(model, weight, baseWeights[index]!, factors[slot]!);
      }
    }
    if (this.deltaPostings > 0 && queryTerms.length > 0) {
      touchedCount = this.scoreDelta(queryTerms, model, factors, touchedCount);
    }
    this.clearQuery(queryTerms);
    const result: ScoredSlots = {
      slots: new Int32Array(touchedCount),
      scores: new Float64Array(touchedCount),
    };
    for (let index = 0; index < touchedCount; index++) {
      const slot = touched[index]!;
      result.slots[index] = slot;
      result.scores[index] = accumulator[slot]!;
      accumulator[slot] = 0;
    }
    return result;
  }

  /**
   * The best `limit` documents that `accept` lets through (all when it is undefined), best first
   * with ties broken by smaller key, with exactly the scores score() gives them. Most of the
   * base is never scored: see scanPruned().
   */
  topSlots(
    query: TermVector,
    model: ScoringModel,
    limit: number,
    accept?: (slot: number) => boolean,
  ): TopSlots {
    if (this.deltaPostings > DELTA_SCAN_LIMIT) this.rebuild();
    const factors = this.slotFactors(model);
    const queryTerms = this.resolveQuery(query, model);
    if (limit <= 0 || queryTerms.length === 0) {
      this.clearQuery(queryTerms);
      return { slots: new Int32Array(0), scores: new Float64Array(0), postingsVisited: 0 };
    }
    const { accumulator, touched } = this;
    const fullyScored = this.deltaPostings > 0 ? this.scoreDelta(queryTerms, model, factors, 0) : 0;
    const scan = scanPruned(
      model,
      queryTerms,
      limit,
      accept,
      {
        offsets: this.baseOffsets,
        slots: this.baseSlots,
        weights: this.baseWeights,
        alive: this.alive,
        hasDead: this.deadSlots > 0,
        factors,
      },
      { scores: accumulator, touched, fullyScored, candidates: this.candidateRoom() },
    );
    this.clearQuery(queryTerms);
    const ranked = Array.from(scan.survivors, (slot) => ({
      slot,
      score: accumulator[slot]!,
      key: this.slotKeys[slot]!,
    }))
      .sort((left, right) => right.score - left.score || (left.key < right.key ? -1 : 1))
      .slice(0, limit);
    for (let index = 0; index < scan.touchedCount; index++) accumulator[touched[index]!] = 0;
    return {
      slots: Int32Array.from(ranked, (entry) => entry.slot),
      scores: Float64Array.from(ranked, (entry) => entry.score),
      postingsVisited: scan.postingsVisited,
    };
  }

  private candidateRoom(): Int32Array {
    if (this.candidates.length !== this.touched.length) this.candidates = new Int32Array(this.touched.length);
    return this.candidates;
  }

  /**
   * Scores the documents added since the last rebuild by scanning their terms. Parts are summed
   * in query-term order, as the base loop sums them, so a document scores the same bits
   * whichever side of a rebuild it is on.
   */
  private scoreDelta(
    queryTerms: QueryTerm[],
    model: ScoringModel,
    factors: Float64Array,
    touchedCount: number,
  ): number {
    const parts = new Float64Array(queryTerms.length);
    let count = touchedCount;
    for (let slot = this.baseSlotCount; slot < this.slotKeys.length; slot++) {
      if (this.alive[slot] === 0) continue;
      const matched = this.forward.read(slot, (termIds, weights, from, to) => {
        let found = false;
        for (let index = from; index < to; index++) {
          const position = this.queryPosition[termIds[index]!]!;
          if (position === 0) continue;
          parts[position - 1] = postingValue(
            model,
            queryTerms[position - 1]!.weight,
            weights[index]!,
            factors[slot]!,
          );
          found = true;
        }
        return found;
      });
      if (!matched) continue;
      let total = 0;
      for (let position = 0; position < parts.length; position++) {
        if (parts[position] !== 0) total += parts[position]!;
      }
      parts.fill(0);
      this.touched[count++] = slot;
      this.accumulator[slot] = total;
    }
    return count;
  }

  /** Calls back with each term of a live slot's document and its weight, and returns its length. */
  readDocument(slot: number, visit: (term: string, weight: number, termId: number) => void): number {
    this.forward.read(slot, (termIds, weights, from, to) => {
      for (let index = from; index < to; index++)
        visit(this.vocabulary.termOf(termIds[index]!), weights[index]!, termIds[index]!);
    });
    return this.lengths[slot]!;
  }

  /** Calls back with each live slot whose document contains the term (base, then delta). */
  forEachSlotWith(termId: number, visit: (slot: number) => void): void {
    if (termId < this.baseOffsets.length - 1) {
      for (let index = this.baseOffsets[termId]!; index < this.baseOffsets[termId + 1]!; index++) {
        const slot = this.baseSlots[index]!;
        if (this.alive[slot] === 1) visit(slot);
      }
    }
    for (let slot = this.baseSlotCount; slot < this.slotKeys.length; slot++) {
      if (this.alive[slot] === 0) continue;
      const found = this.forward.read(slot, (termIds, _weights, from, to) => {
        for (let index = from; index < to; index++) if (termIds[index] === termId) return true;
        return false;
      });
      if (found) visit(slot);
    }
  }

  /** Whether a slot's document has any term marked 1 in `marks` (indexed by term id). */
  containsAny(slot: number, marks: Uint8Array): boolean {
    return this.forward.read(slot, (termIds, _weights, from, to) => {
      for (let index = from; index < to; index++) if (marks[termIds[index]!] === 1) return true;
      return false;
    });
  }

  /** Documents containing a term (0 for a term this collection has never seen). */
  documentFrequencyOf(termId: number): number {
    return this.documentFrequency[termId] ?? 0;
  }

  /** Whether queries read this term here: false for terms skipped as too common (resolveQuery). */
  scoresTerm(termId: number): boolean {
    const df = this.documentFrequencyOf(termId);
    const documentCount = this.slotOf.size;
    return (
      df > 0 && !(documentCount >= MIN_DOCUMENTS_FOR_PRUNING && df > MAX_QUERY_TERM_DF_RATIO * documentCount)
    );
  }

  /**
   * The most a BM25 score of this query can approach here: Σ of its terms' weights × (k1 + 1),
   * a document holding every query term infinitely often. Scores divided by it lie in 0..1.
   */
  bm25Ceiling(query: TermVector): number {
    this.slotFactors('bm25');
    const queryTerms = this.resolveQuery(query, 'bm25');
    this.clearQuery(queryTerms);
    let ceiling = 0;
    for (const { weight } of queryTerms) ceiling += weight * (BM25_K1 + 1);
    return ceiling;
  }

  /** Each query term's part of one document's score, in the same units as score(). */
  contributions(query: TermVector, key: string, model: ScoringModel): Map<string, number> {
    return this.contributionsOf(query, [key], model)[0]!;
  }

  /**
   * contributions() for several documents, the query resolved once: a profile's works are
   * explained together, and resolving is most of the cost for a short work.
   */
  contributionsOf(query: TermVector, keys: readonly string[], model: ScoringModel): Map<string, number>[] {
    const factors = this.slotFactors(model);
    const queryTerms = this.resolveQuery(query, model);
    const all = keys.map((key) => {
      const parts = new Map<string, number>();
      const slot = this.slotOf.get(key);
      if (slot === undefined) return parts;
      const factor = factors[slot]!;
      this.forward.read(slot, (termIds, weights, from, to) => {
        for (let index = from; index < to; index++) {
          const position = this.queryPosition[termIds[index]!]!;
          if (position === 0) continue;
          const { id, weight } = queryTerms[position - 1]!;
          parts.set(this.vocabulary.termOf(id), postingValue(model, weight, weights[index]!, factor));
        }
      });
      return parts;
    });
    this.clearQuery(queryTerms);
    return all;
  }

  /**
   * What each document brings to every posting's value: for cosine the inverse of its norm,
   * for BM25 its length normalisation k1 × (1 − b + b × length / average length). Recomputed
   * only after a change to the collection, in the same pass as each term's largest posting
   * value (the query terms' bounds for pruning).
   */
  private slotFactors(model: ScoringModel): Float64Array {
    if (model === 'cosine') {
      this.ensureNorms();
      return this.inverseNorms;
    }
    if (!this.lengthFactorsValid) {
      const averageLength = this.averageLength();
      const maxima = new Float64Array(this.documentFrequency.length);
      for (let slot = 0; slot < this.slotKeys.length; slot++) {
        const factor = bm25LengthFactor(this.lengths[slot]!, averageLength, this.bm25B);
        this.lengthFactors[slot] = factor;
        if (this.alive[slot] === 0) continue;
        this.forward.read(slot, (termIds, weights, from, to) => {
          for (let index = from; index < to; index++) {
            const value = postingValue('bm25', 1, weights[index]!, factor);
            if (value > maxima[termIds[index]!]!) maxima[termIds[index]!] = value;
          }
        });
      }
      this.bm25TermMaxima = maxima;
      this.lengthFactorsValid = true;
    }
    return this.lengthFactors;
  }

  private averageLength(): number {
    return this.slotOf.size > 0 ? (this.totalLengthUnits * LENGTH_QUANTUM) / this.slotOf.size : 0;
  }

  /**
   * Query terms found in the collection with their weights (sublinear tf × idf; for cosine
   * L2-normalised and times the document side's idf), marked in queryPosition for the scans.
   * Terms in more than MAX_QUERY_TERM_DF_RATIO of a large collection are skipped: their idf is
   * near its floor and their posting lists are the longest. Terms come in decreasing order of
   * bound, ties in query order (not term id, which depends on the order documents came in),
   * and every scan sums parts in this order, so a score has the same bits whichever computed it.
   * Needs slotFactors(model) to be current.
   */
  private resolveQuery(query: TermVector, model: ScoringModel): QueryTerm[] {
    // A ranking asks for the contributions of every candidate and every work with one query:
    // resolving it once while the collection is unchanged saves the look-ups and the sort.
    const last = this.lastResolved;
    if (last && last.query === query && last.model === model && last.version === this.version) {
      last.terms.forEach((term, position) => {
        this.queryPosition[term.id] = position + 1;
      });
      return last.terms;
    }
    const documentCount = this.slotOf.size;
    const prune = documentCount >= MIN_DOCUMENTS_FOR_PRUNING;
    const resolved: QueryTerm[] = [];
    let squares = 0;
    for (const [term, tf] of query) {
      const id = this.vocabulary.idOf(term);
      // Terms numbered by other collections of the index may lie beyond this one's arrays.
      const df = id === undefined ? 0 : (this.documentFrequency[id] ?? 0);
      if (id === undefined || df === 0 || (prune && df > MAX_QUERY_TERM_DF_RATIO * documentCount)) continue;
      if (model === 'bm25') {
        resolved.push({ id, weight: sublinear(tf) * bm25Idf(documentCount, df), bound: 0 });
        continue;
      }
      const termIdf = idf(documentCount, df);
      const queryWeight = sublinear(tf) * termIdf;
      squares += queryWeight * queryWeight;
      resolved.push({ id, weight: queryWeight * termIdf, bound: 0 });
    }
    if (model === 'cosine' && squares > 0) {
      const norm = Math.sqrt(squares);
      for (const term of resolved) term.weight /= norm;
    }
    const maxima = model === 'cosine' ? this.cosineTermMaxima : this.bm25TermMaxima;
    for (const term of resolved) term.bound = term.weight * maxima[term.id]!;
    // Array sort is stable, so equal bounds keep query order.
    resolved.sort((left, right) => right.bound - left.bound);
    resolved.forEach((term, position) => {
      this.queryPosition[term.id] = position + 1;
    });
    this.lastResolved = { query, model, version: this.version, terms: resolved };
    return resolved;
  }

  /**
   * Every change to the documents goes through here: it invalidates the norms, the length
   * factors and the last resolved query (its idf and bounds are the collection's).
   */
  private changed(): void {
    this.normsValid = false;
    this.version++;
  }

  private clearQuery(queryTerms: QueryTerm[]): void {
    for (const { id } of queryTerms) this.queryPosition[id] = 0;
  }

  /**
   * Inverse cosine norms of every live document: 1 / √Σ (sublinear tf × idf)², summed as
   * integers; and in the same pass each term's largest sublinear tf × inverse norm.
   */
  private ensureNorms(): void {
    if (this.normsValid) return;
    const documentCount = this.slotOf.size;
    const termCount = this.documentFrequency.length;
    // Each term's idf beside its running maximum: one cache line serves both look-ups of a
    // posting, and at a million documents nearly every posting misses the cache.
    const termStats = new Float64Array(2 * termCount);
    for (let id = 0; id < termCount; id++)
      termStats[2 * id] = idf(documentCount, this.documentFrequency[id]!);
    let tfParts = new Float64Array(256);
    for (let slot = 0; slot < this.slotKeys.length; slot++) {
      if (this.alive[slot] === 0) continue;
      this.inverseNorms[slot] = this.forward.read(slot, (termIds, weights, from, to) => {
        if (tfParts.length < to - from) tfParts = new Float64Array((to - from) * 2);
        let units = 0;
        for (let index = from; index < to; index++) {
          const tfPart = sublinear(weights[index]!);
          tfParts[index - from] = tfPart;
          const value = tfPart * termStats[2 * termIds[index]!]!;
          units += Math.round(value * value * NORM_SCALE);
        }
        const inverseNorm = 1 / (Math.sqrt(units / NORM_SCALE) || 1);
        for (let index = from; index < to; index++) {
          const value = tfParts[index - from]! * inverseNorm;
          const at = 2 * termIds[index]! + 1;
          if (value > termStats[at]!) termStats[at] = value;
        }
        return inverseNorm;
      });
    }
    const maxima = new Float64Array(termCount);
    for (let id = 0; id < termCount; id++) maxima[id] = termStats[2 * id + 1]!;
    this.cosineTermMaxima = maxima;
    this.normsValid = true;
  }

  private ensureTermCapacity(size: number): void {
    this.documentFrequency = grown(this.documentFrequency, size);
    this.queryPosition = grown(this.queryPosition, size);
  }

  private ensureSlotCapacity(size: number): void {
    this.alive = grown(this.alive, size);
    this.lengths = grown(this.lengths, size);
    this.inverseNorms = grown(this.inverseNorms, size);
    this.lengthFactors = grown(this.lengthFactors, size);
    this.accumulator = grown(this.accumulator, size);
    this.touched = grown(this.touched, size);
  }

  /**
   * Drops dead documents (renumbering slots densely, in order) and inverts every document into
   * a new base: posting lists laid end to end, each sorted by slot, found by term offsets.
   */
  private rebuild(): void {
    const job = this.startRebuild();
    writePostings({ ...job, termFrom: 0, termTo: job.offsets.length - 1 });
    this.finishRebuild(job);
  }

  /**
   * Compacts, drops the old base (every document is delta until finishRebuild(), so a query in
   * between is still exact) and lays out the new one for writePostings().
   */
  private startRebuild(): Omit<PostingsJob, 'termFrom' | 'termTo'> {
    if (this.deadSlots > 0) this.compactSlots();
    this.baseOffsets = new Int32Array(1);
    this.baseSlots = new Int32Array(0);
    this.baseWeights = new Float32Array(0);
    this.baseSlotCount = 0;
    const termCount = this.documentFrequency.length;
    const offsets = new Int32Array(termCount + 1);
    for (let id = 0; id < termCount; id++) offsets[id + 1] = offsets[id]! + this.documentFrequency[id]!;
    // In shared memory, so that a copy of the index in another thread (snapshot()) reads the
    // postings where they are instead of receiving them copied (most of a copy's bytes are
    // here), and so that other threads can write them (postings.ts).
    const postings = offsets[termCount]!;
    this.deltaPostings = postings;
    return {
      forward: this.forward.layout(),
      offsets,
      slots: new Int32Array(new SharedArrayBuffer(4 * postings)),
      weights: new Float32Array(new SharedArrayBuffer(4 * postings)),
    };
  }

  private finishRebuild(job: Omit<PostingsJob, 'termFrom' | 'termTo'>): void {
    this.baseOffsets = job.offsets;
    this.baseSlots = job.slots;
    this.baseWeights = job.weights;
    this.baseSlotCount = job.forward.slotCount;
    this.deltaPostings = 0;
    this.rebuilds++;
  }

  private compactSlots(): void {
    const forward = new ForwardStore();
    const keys: string[] = [];
    const lengths = new Float64Array(Math.max(MIN_TABLE_SIZE, this.slotOf.size));
    for (let slot = 0; slot < this.slotKeys.length; slot++) {
      const key = this.slotKeys[slot];
      if (key === undefined) continue;
      const next = this.forward.read(slot, (termIds, weights, from, to) =>
        forward.append(termIds.subarray(from, to), weights.subarray(from, to)),
      );
      lengths[next] = this.lengths[slot]!;
      keys.push(key);
      this.slotOf.set(key, next);
    }
    this.forward = forward;
    this.slotKeys = keys;
    this.lengths = lengths;
    this.alive = new Uint8Array(lengths.length).fill(1, 0, keys.length);
    this.inverseNorms = new Float64Array(lengths.length);
    this.lengthFactors = new Float64Array(lengths.length);
    this.lengthFactorsValid = false;
    this.accumulator = new Float64Array(lengths.length);
    this.touched = new Int32Array(lengths.length);
    this.deadSlots = 0;
    this.changed();
    this.lengthFactorsValid = false;
  }
}
