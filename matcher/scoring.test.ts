import fc from 'fast-check';
import { similarity } from 'ml-distance';
import { describe, expect, it } from 'vitest';
import { Collection } from './collection.js';
import { bm25, bm25Idf, cosine, idf, sublinear } from './scoring.js';

const DOCUMENTS: Record<string, [string, number][]> = {
  a: [
    ['carbon', 2],
    ['fibre', 1],
    ['cure', 3],
  ],
  b: [
    ['ship', 1],
    ['weld', 2],
    ['carbon', 0.5],
  ],
  c: [
    ['cure', 1],
    ['resin', 1],
  ],
};

function build(): Collection {
  const collection = new Collection();
  for (const [key, terms] of Object.entries(DOCUMENTS)) collection.add(key, new Map(terms));
  return collection;
}

describe('scoring', () => {
  it('computes the same sparse cosine as a dense cosine (ml-distance)', () => {
    const vector = fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(vector, vector, (left, right) => {
        fc.pre(left.some((value) => value > 1e-6) && right.some((value) => value > 1e-6));
        const toMap = (values: number[]) => new Map(values.map((value, index) => [`t${index}`, value]));
        expect(cosine(toMap(left), toMap(right))).toBeCloseTo(similarity.cosine(left, right), 9);
      }),
    );
  });

  it('scores a collection by TF-IDF cosine exactly as dense vectors would', () => {
    const collection = build();
    const vocabulary = ['carbon', 'fibre', 'cure', 'ship', 'weld', 'resin'];
    const documentFrequency = (term: string) =>
      Object.values(DOCUMENTS).filter((terms) => terms.some(([name]) => name === term)).length;
    const dense = (terms: [string, number][]) =>
      vocabulary.map((term) => {
        const tf = terms.find(([name]) => name === term)?.[1] ?? 0;
        return tf === 0 ? 0 : sublinear(tf) * idf(3, documentFrequency(term));
      });
    const query: [string, number][] = [
      ['carbon', 1],
      ['cure', 1],
    ];
    const { slots, scores } = collection.score(new Map(query), 'cosine');
    for (let index = 0; index < slots.length; index++) {
      const key = collection.keyOfSlot(slots[index]!);
      expect(scores[index]).toBeCloseTo(similarity.cosine(dense(query), dense(DOCUMENTS[key]!)), 12);
    }
    expect(slots.length).toBe(3);
  });

  it('scores BM25 by the textbook formula', () => {
    const collection = build();
    const { slots, scores } = collection.score(new Map([['weld', 1]]), 'bm25');
    const averageLength = (6 + 3.5 + 2) / 3;
    expect(slots.length).toBe(1);
    expect(scores[0]).toBeCloseTo(bm25Idf(3, 1) * bm25(2, 3.5, averageLength), 12);
  });

  it('keeps idf positive and decreasing in document frequency', () => {
    expect(idf(10, 10)).toBe(1);
    expect(idf(10, 1)).toBeGreaterThan(idf(10, 5));
    expect(bm25Idf(10, 10)).toBeGreaterThan(0);
  });
});
