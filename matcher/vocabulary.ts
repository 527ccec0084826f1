/**
 * Terms numbered in the order they were first seen. One vocabulary is shared by every
 * collection of an index, so a document numbered once (in a worker, say) can go into any of them.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The term's id, numbering it first if it is new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  termOf(id: number): string {
    return this.terms[id]!;
  }
}
