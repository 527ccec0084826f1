import { describe, expect, it } from 'vitest';
import type { LabelledSet } from './eval-types.js';
import { plainBm25 } from './plain-bm25.js';

const set: LabelledSet = {
  name: 'tiny',
  description: 'three profiles',
  kind: 'faculty',
  profiles: [
    { id: 'faculty:1', kind: 'faculty', text: '降低焊接变形的工艺' },
    { id: 'faculty:2', kind: 'faculty', text: 'Welding distortion of ship hulls' },
    { id: 'faculty:3', kind: 'faculty', title: '碳纤维', text: 'carbon fibre curing' },
  ],
  queries: [],
};

describe('plain BM25, the reference row of eval:matcher', () => {
  it('matches Chinese by character bigrams across any cut and English by whole lower-cased words', () => {
    const rank = plainBm25(set);
    // 焊接变形 shares 焊接, 接变, 变形 with profile 1 however either text would be segmented.
    expect(rank({ id: 'q', kind: 'demand', text: '焊接变形大' }, 10)).toEqual(['faculty:1']);
    // No stemming: "welding" matches, "weld" does not; case is folded.
    expect(rank({ id: 'q', kind: 'demand', text: 'WELDING' }, 10)).toEqual(['faculty:2']);
    expect(rank({ id: 'q', kind: 'demand', text: 'weld' }, 10)).toEqual([]);
    // Titles count like any text, a Han run next to Latin letters is still read as Chinese.
    expect(rank({ id: 'q', kind: 'demand', text: 'T700碳纤维' }, 10)).toEqual(['faculty:3']);
  });

  it('returns at most the limit, best first, ties by id', () => {
    const twins: LabelledSet = {
      ...set,
      profiles: [
        { id: 'faculty:b', kind: 'faculty', text: '焊接' },
        { id: 'faculty:a', kind: 'faculty', text: '焊接' },
        { id: 'faculty:c', kind: 'faculty', text: '焊接 焊接 焊接' },
        { id: 'faculty:d', kind: 'faculty', text: '电池' },
      ],
    };
    const rank = plainBm25(twins);
    expect(rank({ id: 'q', kind: 'demand', text: '焊接' }, 10)).toEqual([
      'faculty:c',
      'faculty:a',
      'faculty:b',
    ]);
    expect(rank({ id: 'q', kind: 'demand', text: '焊接' }, 2)).toEqual(['faculty:c', 'faculty:a']);
  });
});
