/** A candidate of a ranking: its key breaks score ties so that order never depends on insertion. */
export interface Candidate {
  key: string;
  score: number;
}

/** True when left ranks above right: higher score, then smaller key. */
export function ranksAbove(left: Candidate, right: Candidate): boolean {
  return left.score > right.score || (left.score === right.score && left.key < right.key);
}

/**
 * Keeps the best `limit` candidates offered, in O(n log limit): a bounded min-heap whose root is
 * the weakest of the best so far, so most offers cost one number comparison and no allocation.
 */
export class TopCollector {
  private readonly heap: Candidate[] = [];

  constructor(private readonly limit: number) {}

  /** Offers a candidate; `key` is called only if the score could enter the top. */
  offer(score: number, key: () => string): void {
    const heap = this.heap;
    if (this.limit <= 0) return;
    if (heap.length < this.limit) {
      heap.push({ key: key(), score });
      this.siftUp(heap.length - 1);
      return;
    }
    if (score < heap[0]!.score) return;
    const candidate = { key: key(), score };
    if (!ranksAbove(candidate, heap[0]!)) return;
    heap[0] = candidate;
    this.siftDown(0);
  }

  /** The kept candidates, best first. */
  sorted(): Candidate[] {
    return [...this.heap].sort((left, right) =>
      ranksAbove(left, right) ? -1 : ranksAbove(right, left) ? 1 : 0,
    );
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!ranksAbove(heap[parent]!, heap[index]!)) break;
      [heap[parent], heap[index]] = [heap[index]!, heap[parent]!];
      index = parent;
    }
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let weakest = index;
      if (left < heap.length && ranksAbove(heap[weakest]!, heap[left]!)) weakest = left;
      if (right < heap.length && ranksAbove(heap[weakest]!, heap[right]!)) weakest = right;
      if (weakest === index) return;
      [heap[weakest], heap[index]] = [heap[index]!, heap[weakest]!];
      index = weakest;
    }
  }
}
