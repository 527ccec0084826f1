const FIRST_CAPACITY = 1 << 10;

/** FNV-1a over UTF-16 code units: a few operations for the short terms of a vocabulary. */
function hashOf(term: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < term.length; index++) {
    hash ^= term.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Terms numbered in the order they were first seen. One vocabulary is shared by every
 * collection of an index, so a document numbered once (in a worker, say) can go into any of them.
 *
 * An open-addressing table on a typed array, each slot holding a term's hash beside its id:
 * a vocabulary of millions of terms lives mostly outside the CPU's caches, and a lookup here
 * touches one slot and the term itself, where a Map also walks its buckets (measured twice as fast).
 */
export class Vocabulary {
  private readonly terms: string[] = [];
  /** Pairs of (hash, id + 1); id + 1 = 0 marks a free slot. */
  private slots = new Int32Array(2 * FIRST_CAPACITY);
  private mask = FIRST_CAPACITY - 1;

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number | undefined {
    const hash = hashOf(term);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[2 * slot + 1]!;
      if (entry === 0) return undefined;
      if (this.slots[2 * slot] === hash && this.terms[entry - 1] === term) return entry - 1;
    }
  }

  /** The term's id, numbering it first if it is new. */
  intern(term: string): number {
    const hash = hashOf(term);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[2 * slot + 1]!;
      if (entry === 0) {
        const id = this.terms.length;
        this.terms.push(term);
        this.slots[2 * slot] = hash;
        this.slots[2 * slot + 1] = id + 1;
        // At most half full, so that probes stay short.
        if (2 * this.terms.length > this.mask) this.grow();
        return id;
      }
      if (this.slots[2 * slot] === hash && this.terms[entry - 1] === term) return entry - 1;
    }
  }

  termOf(id: number): string {
    return this.terms[id]!;
  }

  private grow(): void {
    const previous = this.slots;
    this.mask = 2 * this.mask + 1;
    this.slots = new Int32Array(2 * (this.mask + 1));
    for (let old = 0; 2 * old < previous.length; old++) {
      const entry = previous[2 * old + 1]!;
      if (entry === 0) continue;
      const hash = previous[2 * old]!;
      let slot = hash & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = entry;
    }
  }
}
