import { describe, expect, it } from 'vitest';
import { Collection } from './collection.js';
import { GenericTermCensus } from './generic-terms.js';
import { Vocabulary } from './vocabulary.js';

/** Two groups of 20 documents (a0…a19, b0…b19); `terms` says which documents hold each term. */
function census(terms: Record<string, string[]>) {
  const vocabulary = new Vocabulary();
  const collection = new Collection(vocabulary);
  for (const group of ['a', 'b']) {
    for (let index = 0; index < 20; index++) {
      const key = `${group}${index}`;
      const vector = new Map<string, number>([[`own-${key}`, 1]]);
      for (const [term, keys] of Object.entries(terms)) if (keys.includes(key)) vector.set(term, 1);
      collection.add(key, vector);
    }
  }
  const generic = new GenericTermCensus(() => [
    { collection, groupOf: (slot: number) => collection.keyOfSlot(slot).slice(0, 1) },
  ]);
  return (term: string) => generic.isGeneric(term, vocabulary.idOf(term));
}

describe('GenericTermCensus', () => {
  it('calls a term generic when it is in the share of every group, and not one document short of it', () => {
    const isGeneric = census({
      everywhere: ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'],
      shortInOne: ['a0', 'a1', 'a2', 'b0', 'b1'],
      oneGroupOnly: ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
    });
    // 15% of 20 documents is 3 in each group.
    expect(isGeneric('everywhere')).toBe(true);
    expect(isGeneric('shortInOne')).toBe(false);
    // As many documents as both groups need together, all in one group.
    expect(isGeneric('oneGroupOnly')).toBe(false);
  });
});
