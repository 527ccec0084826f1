import type { ForwardLayout } from './postings.js';
import { restore, type Snapshot, snapshotOf } from './snapshot.js';

/** Largest chunk: 4M entries, 32 MB. Chunks start small and double, so small indexes stay small. */
const MAX_CHUNK_ENTRIES = 1 << 22;
const FIRST_CHUNK_ENTRIES = 1 << 10;

/**
 * Every document's terms and weights, document by document, in chunks of typed arrays:
 * appending never copies what is stored, and a million documents cost two typed arrays per
 * 4M postings rather than two per term. A document never straddles chunks. Removed documents
 * leave holes until the owner compacts.
 */
export class ForwardStore {
  private termChunks: Int32Array[] = [];
  private weightChunks: Float32Array[] = [];
  private used = 0;
  private chunkOf = new Int32Array(1024);
  private offsetOf = new Int32Array(1024);
  private counts = new Int32Array(1024);
  private slotCount = 0;

  get size(): number {
    return this.slotCount;
  }

  /** The store as plain data, for a copy in another thread (see snapshot.ts). */
  snapshot(): Snapshot {
    return snapshotOf(this);
  }

  static fromSnapshot(snapshot: Snapshot): ForwardStore {
    return restore(new ForwardStore(), snapshot);
  }

  /** The documents as arrays, for inverting them in other threads too (postings.ts). */
  layout(): ForwardLayout {
    const { termChunks, weightChunks, chunkOf, offsetOf, counts, slotCount } = this;
    return { termChunks, weightChunks, chunkOf, offsetOf, counts, slotCount };
  }

  /** Appends a document's entries as the next slot; returns the slot. */
  append(termIds: ArrayLike<number>, weights: ArrayLike<number>): number {
    const count = termIds.length;
    const current = this.termChunks.at(-1);
    if (!current || this.used + count > current.length) {
      const size = Math.max(
        count,
        Math.min(MAX_CHUNK_ENTRIES, (current?.length ?? FIRST_CHUNK_ENTRIES / 2) * 2),
      );
      // Shared, as the inverted base is (Collection.rebuild): a copy in another thread reads them in place.
      this.termChunks.push(new Int32Array(new SharedArrayBuffer(4 * size)));
      this.weightChunks.push(new Float32Array(new SharedArrayBuffer(4 * size)));
      this.used = 0;
    }
    const chunk = this.termChunks.length - 1;
    this.termChunks[chunk]!.set(termIds, this.used);
    this.weightChunks[chunk]!.set(weights, this.used);
    const slot = this.slotCount++;
    if (slot === this.counts.length) {
      for (const name of ['chunkOf', 'offsetOf', 'counts'] as const) {
        const next = new Int32Array(slot * 2);
        next.set(this[name]);
        this[name] = next;
      }
    }
    this.chunkOf[slot] = chunk;
    this.offsetOf[slot] = this.used;
    this.counts[slot] = count;
    this.used += count;
    return slot;
  }

  /** Calls back with the slot's chunk of term ids and weights, and the range of its entries. */
  read<T>(
    slot: number,
    reader: (termIds: Int32Array, weights: Float32Array, from: number, to: number) => T,
  ): T {
    const chunk = this.chunkOf[slot]!;
    const from = this.offsetOf[slot]!;
    return reader(this.termChunks[chunk]!, this.weightChunks[chunk]!, from, from + this.counts[slot]!);
  }
}
