/** How many answers are kept between two changes of the index; the oldest goes first. */
const ANSWERS_KEPT = 2_000;

/**
 * Answers derived from this process's index — rankings, and profiles read as queries — kept until
 * the index next changes. Any applied change can move every score (idf is corpus-wide), so the
 * whole cache goes at each change; between changes the same demand page, API call or matched-
 * demands page is answered without ranking again. Nothing here is state of record: a process
 * that loses it only ranks again.
 */
export class IndexStateCache<Value> {
  private readonly answers = new Map<string, Value>();
  private generation = 0;

  /** Called after every change to the index (applied feed rows, a rebuild). */
  invalidate(): void {
    this.answers.clear();
    this.generation++;
  }

  get(key: string, compute: () => Value): Value {
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const value = compute();
    this.remember(key, value);
    return value;
  }

  /** For answers that need the database: one computed across a change of the index is not kept. */
  async getAsync(key: string, compute: () => Promise<Value>): Promise<Value> {
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const generation = this.generation;
    const value = await compute();
    if (generation === this.generation) this.remember(key, value);
    return value;
  }

  private remember(key: string, value: Value): void {
    if (this.answers.size >= ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, value);
  }
}
