import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TermVector } from './analyze.js';
import { Collection } from './collection.js';
import type { ScoringModel } from './scoring.js';

const term = fc.constantFrom('carbon', 'fibre', 'curing', 'resin', 'hull', 'weld');
const vector = fc
  .array(fc.tuple(term, fc.constantFrom(1, 2, 3)), { minLength: 1, maxLength: 4 })
  .map((entries): TermVector => new Map(entries));
const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ add: vector, key: fc.nat({ max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ remove: fc.nat({ max: 6 }) }) },
);

function contributionsOfEvery(collection: Collection, documents: Map<string, TermVector>, query: TermVector) {
  const model: ScoringModel = 'bm25';
  return [...documents.keys()].map((key) =>
    [...collection.contributions(query, key, model)].sort(([left], [right]) => (left < right ? -1 : 1)),
  );
}

describe('Collection.contributions', () => {
  it('answers one query object asked again after changes exactly as a fresh collection does', () => {
    fc.assert(
      fc.property(vector, fc.array(step, { minLength: 1, maxLength: 12 }), (query, steps) => {
        // One query object throughout, as a ranking asks for every candidate's parts with it.
        const reused = new Collection();
        const documents = new Map<string, TermVector>();
        for (const change of steps) {
          if ('add' in change) {
            const key = `d${change.key}`;
            reused.remove(key);
            reused.add(key, change.add);
            documents.set(key, change.add);
          } else {
            reused.remove(`d${change.remove}`);
            documents.delete(`d${change.remove}`);
          }
          const fresh = new Collection();
          for (const [key, document] of documents) fresh.add(key, document);
          expect(contributionsOfEvery(reused, documents, query)).toEqual(
            contributionsOfEvery(fresh, documents, new Map(query)),
          );
        }
      }),
    );
  });
});
