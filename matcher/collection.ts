import type { TermVector } from './analyze.js';
import { LENGTH_QUANTUM, MAX_QUERY_TERM_DF_RATIO } from './constants.js';
import { bm25, bm25Idf, idf, type ScoringModel, sublinear } from './scoring.js';

/** Below this many documents no query term is skipped for being common: small sets need all. */
const MIN_DOCUMENTS_FOR_PRUNING = 1000;
const INITIAL_POSTINGS = 4;

/** Scores of the documents a query touched, by slot; the arrays have equal length. */
export interface ScoredSlots {
  slots: Int32Array;
  scores: Float64Array;
}

/** A query term resolved against the collection; `weight` multiplies each posting's tf part. */
interface QueryTerm {
  id: number;
  weight: number;
}

function grownFloat64(array: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Float64Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * An inverted index over one set of documents (one kind, one analysis), with exact collection
 * statistics under add and remove. Posting lists are typed arrays sorted by slot: slots only
 * grow, so adding appends and removing is a binary search and a shift. Document norms for
 * cosine depend on every idf, so they are recomputed lazily after a change, term by term in
 * term order, which makes them bit-identical to a fresh build's.
 */
export class Collection {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private postingSlots: Int32Array[] = [];
  private postingWeights: Float32Array[] = [];
  private postingCounts: number[] = [];

  private readonly slotOf = new Map<string, number>();
  private slotKeys: (string | undefined)[] = [];
  private forward: (Int32Array | undefined)[] = [];
  private lengths = new Float64Array(64);
  private norms = new Float64Array(64);
  private accumulator = new Float64Array(64);
  private touched = new Int32Array(64);
  private totalLengthUnits = 0;
  private normsValid = true;
  private sortedTermIds: Int32Array | undefined;

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

  /** Adds a document under a key that must not be present. */
  add(key: string, vector: TermVector): number {
    if (this.slotOf.has(key)) throw new Error(`duplicate key ${key}`);
    const slot = this.slotKeys.length;
    this.slotKeys.push(key);
    this.slotOf.set(key, slot);
    this.ensureSlotCapacity(slot + 1);
    const termIds = new Int32Array(vector.size);
    let length = 0;
    let index = 0;
    for (const [term, weight] of vector) {
      const id = this.termIdFor(term);
      termIds[index++] = id;
      this.appendPosting(id, slot, weight);
      length += weight;
    }
    this.forward.push(termIds);
    const units = Math.round(length / LENGTH_QUANTUM);
    this.lengths[slot] = units * LENGTH_QUANTUM;
    this.totalLengthUnits += units;
    this.normsValid = false;
    return slot;
  }

  remove(key: string): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    for (const id of this.forward[slot]!) this.removePosting(id, slot);
    this.totalLengthUnits -= Math.round(this.lengths[slot]! / LENGTH_QUANTUM);
    this.lengths[slot] = 0;
    this.forward[slot] = undefined;
    this.slotKeys[slot] = undefined;
    this.slotOf.delete(key);
    this.normsValid = false;
    if (this.slotKeys.length > 1024 && this.slotKeys.length > 2 * this.slotOf.size) this.compact();
    return true;
  }

  /** Scores every document that shares a term with the query, term at a time. */
  score(query: TermVector, model: ScoringModel): ScoredSlots {
    const queryTerms = this.resolveQuery(query, model);
    if (model === 'cosine') this.ensureNorms();
    const accumulator = this.accumulator;
    const touched = this.touched;
    let touchedCount = 0;
    const averageLength = this.averageLength();
    const norms = this.norms;
    const lengths = this.lengths;
    for (const { id, weight } of queryTerms) {
      const slots = this.postingSlots[id]!;
      const weights = this.postingWeights[id]!;
      const count = this.postingCounts[id]!;
      for (let index = 0; index < count; index++) {
        const slot = slots[index]!;
        const tf = weights[index]!;
        const value =
          model === 'cosine'
            ? (weight * sublinear(tf)) / norms[slot]!
            : weight * bm25(tf, lengths[slot]!, averageLength);
        if (accumulator[slot] === 0) touched[touchedCount++] = slot;
        accumulator[slot]! += value;
      }
    }
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

  /** Each query term's part of one document's score, in the same units as score(). */
  contributions(query: TermVector, key: string, model: ScoringModel): Map<string, number> {
    const parts = new Map<string, number>();
    const slot = this.slotOf.get(key);
    if (slot === undefined) return parts;
    if (model === 'cosine') this.ensureNorms();
    const averageLength = this.averageLength();
    for (const { id, weight } of this.resolveQuery(query, model)) {
      const tf = this.postingWeight(id, slot);
      if (tf === 0) continue;
      const value =
        model === 'cosine'
          ? (weight * sublinear(tf)) / this.norms[slot]!
          : weight * bm25(tf, this.lengths[slot]!, averageLength);
      parts.set(this.terms[id]!, value);
    }
    return parts;
  }

  private averageLength(): number {
    return this.slotOf.size > 0 ? (this.totalLengthUnits * LENGTH_QUANTUM) / this.slotOf.size : 0;
  }

  /**
   * Query terms found in the collection with their weights: sublinear tf × idf, and for cosine
   * L2-normalised so that scores fall in 0..1. Terms in more than MAX_QUERY_TERM_DF_RATIO of a
   * large collection are skipped: their idf is near its floor and their posting lists longest.
   */
  private resolveQuery(query: TermVector, model: ScoringModel): QueryTerm[] {
    const documentCount = this.slotOf.size;
    const prune = documentCount >= MIN_DOCUMENTS_FOR_PRUNING;
    const resolved: QueryTerm[] = [];
    let squares = 0;
    for (const [term, tf] of query) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const df = this.postingCounts[id]!;
      if (df === 0 || (prune && df > MAX_QUERY_TERM_DF_RATIO * documentCount)) continue;
      if (model === 'bm25') {
        resolved.push({ id, weight: sublinear(tf) * bm25Idf(documentCount, df) });
        continue;
      }
      const termIdf = idf(documentCount, df);
      const queryWeight = sublinear(tf) * termIdf;
      squares += queryWeight * queryWeight;
      // The document side's idf is folded in here, so the posting loop multiplies once.
      resolved.push({ id, weight: queryWeight * termIdf });
    }
    if (model === 'cosine' && squares > 0) {
      const norm = Math.sqrt(squares);
      for (const term of resolved) term.weight /= norm;
    }
    return resolved;
  }

  /** Cosine norms of every document: Σ (sublinear tf × idf)², summed in term-string order. */
  private ensureNorms(): void {
    if (this.normsValid) return;
    const documentCount = this.slotOf.size;
    const squares = new Float64Array(this.slotKeys.length);
    for (const id of this.termsInOrder()) {
      const count = this.postingCounts[id]!;
      if (count === 0) continue;
      const termIdf = idf(documentCount, count);
      const slots = this.postingSlots[id]!;
      const weights = this.postingWeights[id]!;
      for (let index = 0; index < count; index++) {
        const value = sublinear(weights[index]!) * termIdf;
        squares[slots[index]!]! += value * value;
      }
    }
    for (let slot = 0; slot < squares.length; slot++) this.norms[slot] = Math.sqrt(squares[slot]!) || 1;
    this.normsValid = true;
  }

  private termsInOrder(): Int32Array {
    if (!this.sortedTermIds || this.sortedTermIds.length !== this.terms.length) {
      const ids = Int32Array.from(this.terms.keys());
      const terms = this.terms;
      ids.sort((left, right) => (terms[left]! < terms[right]! ? -1 : terms[left]! > terms[right]! ? 1 : 0));
      this.sortedTermIds = ids;
    }
    return this.sortedTermIds;
  }

  private termIdFor(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postingSlots.push(new Int32Array(INITIAL_POSTINGS));
      this.postingWeights.push(new Float32Array(INITIAL_POSTINGS));
      this.postingCounts.push(0);
    }
    return id;
  }

  private appendPosting(id: number, slot: number, weight: number): void {
    const count = this.postingCounts[id]!;
    let slots = this.postingSlots[id]!;
    if (count === slots.length) {
      const grown = new Int32Array(count * 2);
      grown.set(slots);
      this.postingSlots[id] = slots = grown;
      const grownWeights = new Float32Array(count * 2);
      grownWeights.set(this.postingWeights[id]!);
      this.postingWeights[id] = grownWeights;
    }
    slots[count] = slot;
    this.postingWeights[id]![count] = weight;
    this.postingCounts[id] = count + 1;
  }

  private findPosting(id: number, slot: number): number {
    const slots = this.postingSlots[id]!;
    let low = 0;
    let high = this.postingCounts[id]! - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = slots[middle]!;
      if (value === slot) return middle;
      if (value < slot) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private postingWeight(id: number, slot: number): number {
    const index = this.findPosting(id, slot);
    return index < 0 ? 0 : this.postingWeights[id]![index]!;
  }

  private removePosting(id: number, slot: number): void {
    const index = this.findPosting(id, slot);
    if (index < 0) return;
    const count = this.postingCounts[id]!;
    this.postingSlots[id]!.copyWithin(index, index + 1, count);
    this.postingWeights[id]!.copyWithin(index, index + 1, count);
    this.postingCounts[id] = count - 1;
  }

  private ensureSlotCapacity(size: number): void {
    if (size <= this.lengths.length) return;
    this.lengths = grownFloat64(this.lengths, size);
    this.norms = grownFloat64(this.norms, size);
    this.accumulator = grownFloat64(this.accumulator, size);
    const touched = new Int32Array(this.lengths.length);
    touched.set(this.touched);
    this.touched = touched;
  }

  /** Renumbers slots densely once removals have left more than half of them empty. */
  private compact(): void {
    const mapping = new Int32Array(this.slotKeys.length).fill(-1);
    const keys: (string | undefined)[] = [];
    const forward: (Int32Array | undefined)[] = [];
    const lengths = new Float64Array(Math.max(64, this.slotOf.size * 2));
    this.slotKeys.forEach((key, slot) => {
      if (key === undefined) return;
      mapping[slot] = keys.length;
      lengths[keys.length] = this.lengths[slot]!;
      keys.push(key);
      forward.push(this.forward[slot]);
      this.slotOf.set(key, mapping[slot]!);
    });
    for (let id = 0; id < this.terms.length; id++) {
      const slots = this.postingSlots[id]!;
      for (let index = 0; index < this.postingCounts[id]!; index++) slots[index] = mapping[slots[index]!]!;
    }
    this.slotKeys = keys;
    this.forward = forward;
    this.lengths = lengths;
    this.norms = new Float64Array(lengths.length);
    this.accumulator = new Float64Array(lengths.length);
    this.touched = new Int32Array(lengths.length);
    this.normsValid = false;
  }
}
