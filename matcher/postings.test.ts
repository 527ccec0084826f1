import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex } from './match-index.js';
import { type PostingsHelper, termRanges, writePostings } from './postings.js';
import type { MatchDocument } from './types.js';

const WORDS =
  '碳纤维 复合材料 固化 树脂 船舶 焊接 变形 电池 正极 curing resin welding hull battery cathode'.split(' ');
const QUERIES = ['碳纤维复合材料固化', '船舶焊接变形 welding', 'battery 正极 电池', 'resin curing 树脂'];

/** A helper as a thread would be: it writes its share later, not within the call. */
const laterHelper: PostingsHelper = async (job) => {
  await new Promise((resolve) => setImmediate(resolve));
  writePostings(job);
};

function documents(count: number, seed: number): MatchDocument[] {
  return Array.from({ length: count }, (_, position) => ({
    id: `faculty:${position}`,
    kind: 'faculty',
    text: Array.from(
      { length: 1 + ((position * seed) % 6) },
      (_, word) => WORDS[(position * 7 + word * seed) % WORDS.length],
    ).join(' '),
  }));
}

function rankings(index: MatchIndex) {
  return QUERIES.flatMap((query) =>
    (['bm25', 'tfidf'] as const).map((method) => index.topK(query, { kind: 'faculty', method, k: 30 })),
  );
}

describe('posting lists written in shares', () => {
  it('split the terms into contiguous ranges of about equal postings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(50), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (frequencies, parts) => {
          const offsets = new Int32Array(frequencies.length + 1);
          frequencies.forEach((df, term) => {
            offsets[term + 1] = offsets[term]! + df;
          });
          const ranges = termRanges(offsets, parts);
          expect(ranges).toHaveLength(parts);
          expect(ranges[0]![0]).toBe(0);
          expect(ranges.at(-1)![1]).toBe(frequencies.length);
          const total = offsets[frequencies.length]!;
          ranges.forEach(([from, to], part) => {
            expect(to).toBeGreaterThanOrEqual(from);
            if (part > 0) expect(from).toBe(ranges[part - 1]![1]);
            // A range ends at or before its share of the postings, but the last, which takes the rest.
            if (part < parts - 1) expect(offsets[to]!).toBeLessThanOrEqual((total * (part + 1)) / parts);
          });
        },
      ),
    );
  });

  it('give the index the same rankings as writing them in one thread', async () => {
    for (const [count, helpers] of [
      [300, 1],
      [1200, 2],
      [50, 3],
    ] as const) {
      const alone = new MatchIndex();
      const shared = new MatchIndex();
      for (const document of documents(count, helpers + 2)) {
        alone.add(document);
        shared.add(document);
      }
      alone.prepare('bm25');
      await shared.prepareShared('bm25', Array(helpers).fill(laterHelper));
      expect(rankings(shared)).toEqual(rankings(alone));
    }
  });

  it('stay exact when documents change before the shares are written', async () => {
    const all = documents(400, 5);
    const shared = new MatchIndex();
    for (const document of all.slice(0, 350)) shared.add(document);
    const preparing = shared.prepareShared('bm25', [laterHelper]);
    // Answered before the shares arrive: every document is scanned as recent.
    const fresh = new MatchIndex();
    for (const document of all.slice(0, 350)) fresh.add(document);
    expect(rankings(shared)).toEqual(rankings(fresh));
    for (const document of all.slice(350)) shared.add(document);
    shared.remove('faculty:3');
    await preparing;
    const rebuilt = new MatchIndex();
    for (const document of all) if (document.id !== 'faculty:3') rebuilt.add(document);
    expect(rankings(shared)).toEqual(rankings(rebuilt));
  });
});
