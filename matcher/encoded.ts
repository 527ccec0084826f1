import type { DocumentAnalyzer } from './analyze.js';
import type { TermSink } from './tokenize.js';
import type { DocumentKind, MatchAttributes, MatchDocument, MatchWork } from './types.js';
import { Vocabulary } from './vocabulary.js';

/** What an index keeps of a work: everything but its text, which lives only in the index. */
export type WorkHead = Omit<MatchWork, 'text'>;

/** What an index keeps of a document besides its terms. */
export interface DocumentHead {
  id: string;
  kind: DocumentKind;
  attributes?: MatchAttributes;
  works: WorkHead[];
}

/** A document's terms as ids and weights, in the order its term vector lists them. */
export interface EncodedVector {
  termIds: Int32Array;
  weights: Float32Array;
}

/**
 * Documents analysed and numbered off the main thread. Building a large index is mostly
 * analysis, and moving term vectors between threads as strings cost as much again; as typed
 * arrays of ids they move without copying, and the main thread renumbers each id once.
 */
export interface EncodedBatch {
  /** Which encoder numbered the batch: ids are that encoder's own. */
  encoder: number;
  heads: DocumentHead[];
  /** Terms the encoder numbered since its previous batch, in id order. */
  newTerms: string[];
  /**
   * Vector v spans termIds[vectorStarts[v]] up to termIds[vectorStarts[v + 1]]. A document has
   * its whole vector, then one per work, then its words-only vector when `baseline` is set.
   */
  vectorStarts: Int32Array;
  termIds: Int32Array;
  weights: Float32Array;
  baseline: boolean;
}

/** The buffers of a batch, for postMessage's transfer list. */
export function transferables(batch: EncodedBatch): ArrayBuffer[] {
  return [batch.vectorStarts.buffer, batch.termIds.buffer, batch.weights.buffer] as ArrayBuffer[];
}

export function documentHead(document: MatchDocument): DocumentHead {
  const head: DocumentHead = {
    id: document.id,
    kind: document.kind,
    works: (document.works ?? []).map(({ text: _text, ...work }) => work),
  };
  if (document.attributes) head.attributes = document.attributes;
  return head;
}

/**
 * Weights summed by term id for the vector being read, in the order terms first came: a small
 * open-addressing table, emptied after each vector, so it stays in the CPU's cache where a Map
 * of term strings, or an array as long as the vocabulary, does not.
 */
class TermSums {
  /** Term id per slot, -1 for a free one. */
  private ids = new Int32Array(1 << 9).fill(-1);
  private sums = new Float64Array(1 << 9);
  /** Slots in the order their terms first came. */
  private order = new Int32Array(1 << 9);
  private count = 0;

  add(id: number, weight: number): void {
    // At most half full, so that probes stay short.
    if (2 * (this.count + 1) > this.ids.length) this.grow();
    const slot = this.slotOf(id);
    if (this.ids[slot] === -1) {
      this.ids[slot] = id;
      this.sums[slot] = 0;
      this.order[this.count++] = slot;
    }
    this.sums[slot]! += weight;
  }

  /** Appends the terms and their sums to the lists, in first-seen order, and empties the table. */
  drainInto(termIds: number[], weights: number[]): void {
    for (let index = 0; index < this.count; index++) {
      const slot = this.order[index]!;
      termIds.push(this.ids[slot]!);
      weights.push(this.sums[slot]!);
      this.ids[slot] = -1;
    }
    this.count = 0;
  }

  /** The id's slot, or the free slot where it would go. */
  private slotOf(id: number): number {
    const mask = this.ids.length - 1;
    let slot = Math.imul(id, 0x9e3779b1) & mask;
    while (this.ids[slot] !== id && this.ids[slot] !== -1) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { ids, sums, order } = this;
    this.ids = new Int32Array(2 * ids.length).fill(-1);
    this.sums = new Float64Array(this.ids.length);
    this.order = new Int32Array(this.ids.length);
    for (let index = 0; index < this.count; index++) {
      const old = order[index]!;
      const slot = this.slotOf(ids[old]!);
      this.ids[slot] = ids[old]!;
      this.sums[slot] = sums[old]!;
      this.order[index] = slot;
    }
  }
}

/** Numbers analysed documents with its own vocabulary and hands them out in batches. */
export class BatchEncoder {
  private readonly vocabulary = new Vocabulary();
  private reported = 0;
  private heads: DocumentHead[] = [];
  private starts: number[] = [0];
  private termIds: number[] = [];
  private weights: number[] = [];
  private readonly sums = new TermSums();
  /** Numbers each term as it is read and adds its weight to the vector's sum for that number. */
  private readonly sum: TermSink = (term, weight) => this.sums.add(this.vocabulary.intern(term), weight);

  constructor(
    private readonly encoder: number,
    private readonly baseline: boolean,
  ) {}

  /**
   * Analyses a document and numbers its terms as they are read: its whole vector, one per work,
   * and with `baseline` the words-only view. No term vector of strings is built on the way, since
   * analysis is most of a build.
   */
  add(document: MatchDocument, analysis: DocumentAnalyzer): void {
    this.heads.push(documentHead(document));
    analysis.readDocument(document, this.sum);
    this.endVector();
    for (const work of document.works ?? []) {
      analysis.readWork(work, this.sum);
      this.endVector();
    }
    if (this.baseline) {
      analysis.plain().readDocument(document, this.sum);
      this.endVector();
    }
  }

  /** The documents added since the last call, and the terms first numbered for them. */
  take(): EncodedBatch {
    const batch: EncodedBatch = {
      encoder: this.encoder,
      heads: this.heads,
      newTerms: [],
      vectorStarts: Int32Array.from(this.starts),
      termIds: Int32Array.from(this.termIds),
      weights: Float32Array.from(this.weights),
      baseline: this.baseline,
    };
    for (; this.reported < this.vocabulary.size; this.reported++)
      batch.newTerms.push(this.vocabulary.termOf(this.reported));
    this.heads = [];
    this.starts = [0];
    this.termIds = [];
    this.weights = [];
    return batch;
  }

  private endVector(): void {
    this.sums.drainInto(this.termIds, this.weights);
    this.starts.push(this.termIds.length);
  }
}

/** Where a BatchLoader puts documents: an index's vocabulary and its add for numbered vectors. */
export interface EncodedSink {
  readonly vocabulary: Vocabulary;
  addEncoded(head: DocumentHead, whole: EncodedVector, works: EncodedVector[], plain?: EncodedVector): void;
}

/**
 * Renumbers batches from any number of encoders into the sink's vocabulary. Batches of one
 * encoder must arrive in the order it made them; the sink then numbers every new term in the
 * order it first appears in the documents loaded, as adding them one by one would.
 */
export class BatchLoader {
  /** Per encoder: its local ids' ids in the sink, and how many of them are known. */
  private readonly translations = new Map<number, { table: Int32Array; known: number }>();

  constructor(private readonly sink: EncodedSink) {}

  /** Adds every document of the batch; `beforeAdd` may refuse one by throwing. */
  load(batch: EncodedBatch, beforeAdd?: (head: DocumentHead, position: number) => void): void {
    const ids = this.translate(batch);
    const { vectorStarts, weights } = batch;
    const vector = (index: number): EncodedVector => ({
      termIds: ids.subarray(vectorStarts[index]!, vectorStarts[index + 1]!),
      weights: weights.subarray(vectorStarts[index]!, vectorStarts[index + 1]!),
    });
    let next = 0;
    batch.heads.forEach((head, position) => {
      beforeAdd?.(head, position);
      const whole = vector(next++);
      const works = head.works.map(() => vector(next++));
      this.sink.addEncoded(head, whole, works, batch.baseline ? vector(next++) : undefined);
    });
  }

  /** The batch's term ids in the sink's vocabulary (rewritten in place: the batch is spent). */
  private translate(batch: EncodedBatch): Int32Array {
    const { known, table: current } = this.translations.get(batch.encoder) ?? {
      known: 0,
      table: new Int32Array(1024),
    };
    let table = current;
    if (known + batch.newTerms.length > table.length) {
      const larger = new Int32Array(Math.max(table.length * 2, known + batch.newTerms.length));
      larger.set(table);
      table = larger;
    }
    // An encoder lists a batch's new terms in order of first appearance, and terms new to the
    // index are among them, so interning in that order numbers them as one-by-one adds would.
    batch.newTerms.forEach((term, position) => {
      table[known + position] = this.sink.vocabulary.intern(term);
    });
    this.translations.set(batch.encoder, { table, known: known + batch.newTerms.length });
    const ids = batch.termIds;
    for (let index = 0; index < ids.length; index++) ids[index] = table[ids[index]!]!;
    return ids;
  }
}
