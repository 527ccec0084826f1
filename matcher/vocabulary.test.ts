import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from './vocabulary.js';

describe('Vocabulary', () => {
  it('numbers terms in order of first sight and finds each again, whatever the terms', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 3000 }), (terms) => {
        const vocabulary = new Vocabulary();
        const expected = new Map<string, number>();
        for (const term of terms) {
          if (!expected.has(term)) expected.set(term, expected.size);
          expect(vocabulary.intern(term)).toBe(expected.get(term));
        }
        expect(vocabulary.size).toBe(expected.size);
        for (const [term, id] of expected) {
          expect(vocabulary.idOf(term)).toBe(id);
          expect(vocabulary.termOf(id)).toBe(term);
        }
        expect(vocabulary.idOf('never interned: 从未出现')).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('keeps apart ASCII terms that differ in one character or in length, up to the exact limit and past it', () => {
    const terms = [
      '',
      'a',
      'a\u0000',
      'ab',
      'abcdefg',
      'abcdefh',
      'bbcdefg',
      'abcdefgh',
      'abcdefgi',
      '碳',
      'a碳',
    ];
    const vocabulary = new Vocabulary();
    expect(terms.map((term) => vocabulary.intern(term))).toEqual(terms.map((_, id) => id));
    expect(terms.map((term) => vocabulary.idOf(term))).toEqual(terms.map((_, id) => id));
    expect(vocabulary.idOf('abcdef')).toBeUndefined();
  });

  it('keeps terms apart when their hashes collide', () => {
    // 'costarring' and 'liquid' collide under 32-bit FNV-1a; the table must still tell them apart.
    const vocabulary = new Vocabulary();
    const many = Array.from({ length: 100_000 }, (_, index) => `t${index}`);
    for (const term of ['costarring', 'liquid', ...many]) vocabulary.intern(term);
    expect(vocabulary.idOf('costarring')).toBe(0);
    expect(vocabulary.idOf('liquid')).toBe(1);
    expect(many.every((term, index) => vocabulary.idOf(term) === index + 2)).toBe(true);
  });
});
