import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCEPT_PREFIX } from './concepts.js';
import { BIGRAM_PREFIX, displayTerm, normalize, Tokenizer, tokenize, WORDS_ONLY } from './tokenize.js';

const terms = (text: string) =>
  tokenize(text)
    .map((token) => token.term)
    .filter((term) => !term.startsWith(CONCEPT_PREFIX));

describe('normalize', () => {
  it('folds full-width letters, digits and spaces to half-width lower case', () => {
    expect(normalize('ＣＦＲＰ　２０２１ Ｃｕｒｉｎｇ')).toBe('cfrp 2021 curing');
  });

  it('collapses every run of white space, of any kind, to one space', () => {
    const text = fc
      .array(fc.constantFrom('a', 'B', '碳', ' ', '  ', '\t', '\n', '\u3000', '\u00a0', '\r\n'), {
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text,
        (input) => normalize(input) === input.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim(),
      ),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => normalize(normalize(text)) === normalize(text)),
      {
        numRuns: 2000,
      },
    );
  });
});

describe('tokenize', () => {
  it('keeps domain compounds whole and adds the words inside them', () => {
    const result = terms('碳纤维复合材料固化工艺');
    expect(result).toContain('碳纤维复合材料');
    expect(result).toContain('碳纤维');
    expect(result).toContain('复合材料');
    expect(result).toContain('固化');
  });

  it('gives a demand and a profile shared terms when jieba cuts them differently', () => {
    const demand = new Set(terms('碳纤维复合材料固化工艺'));
    const profile = terms('复合材料成型和树脂基碳纤维');
    expect(profile.filter((term) => demand.has(term))).toEqual(
      expect.arrayContaining(['复合材料', '碳纤维', `${BIGRAM_PREFIX}碳纤`, `${BIGRAM_PREFIX}纤维`]),
    );
  });

  it('stems English words and drops stop words', () => {
    expect(terms('The curing of composites and Composite curing')).toEqual([
      'cure',
      'composit',
      'composit',
      'cure',
    ]);
  });

  it('reads mixed Chinese and English in one pass', () => {
    const result = terms('基于深度学习的CT影像分割 deep learning');
    expect(result).toEqual(expect.arrayContaining(['深度学习', 'ct', '影像', '分割', 'deep', 'learn']));
  });

  it('does not index bigrams that straddle a joining character', () => {
    expect(terms('材料的性能')).not.toContain(`${BIGRAM_PREFIX}料的`);
  });

  it('keeps bigrams inside words, not across word boundaries', () => {
    const bigrams = (text: string) => terms(text).filter((term) => term.startsWith(BIGRAM_PREFIX));
    // jieba: 研究/大型/船舶/焊接; 锌/离子/电池/正极.
    expect(bigrams('研究大型船舶焊接')).toEqual(
      ['研究', '大型', '船舶', '焊接'].map((word) => BIGRAM_PREFIX + word),
    );
    expect(bigrams('锌离子电池正极')).toEqual(['离子', '电池', '正极'].map((word) => BIGRAM_PREFIX + word));
    expect(terms('锌离子电池正极')).toContain('锌');
  });

  it('emits words only for the baseline', () => {
    expect(tokenize('树脂基碳纤维', WORDS_ONLY).every((token) => !token.term.startsWith(BIGRAM_PREFIX))).toBe(
      true,
    );
  });

  it('indexes the thesaurus concept of a plain-language form, in either language', () => {
    const concept = (text: string) => tokenize(text).filter((token) => token.term.startsWith(CONCEPT_PREFIX));
    expect(concept('半挂车减重').map((token) => token.term)).toContain(`${CONCEPT_PREFIX}轻量化`);
    expect(concept('weight reduction of trailers').map((token) => token.term)).toContain(
      `${CONCEPT_PREFIX}轻量化`,
    );
    expect(concept('rust on steel piles').map((token) => token.term)).toContain(`${CONCEPT_PREFIX}腐蚀`);
  });

  it('shows a stem as the word it came from', () => {
    const tokenizer = new Tokenizer();
    tokenizer.tokenize('composites');
    expect(tokenizer.displayTerm('composit')).toBe('composites');
    expect(tokenizer.displayTerm(`${BIGRAM_PREFIX}碳纤`)).toBe('碳纤');
    expect(displayTerm(`${BIGRAM_PREFIX}碳纤`)).toBe('碳纤');
  });

  it('shows a stem as the shortest word its tokenizer read, whatever came first', () => {
    const forwards = new Tokenizer();
    forwards.tokenize('composites composite');
    const backwards = new Tokenizer();
    backwards.tokenize('composite composites');
    expect(forwards.displayTerm('composit')).toBe('composite');
    expect(backwards.displayTerm('composit')).toBe('composite');
    // Another tokenizer's reading changes nothing here.
    expect(new Tokenizer().displayTerm('composit')).toBe('composit');
  });

  it('never throws and yields positive weights and non-empty terms on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) =>
        tokenize(text).every((token) => token.term.length > 0 && token.weight > 0),
      ),
      { numRuns: 1000 },
    );
  });

  it('tokenizes normalised text exactly as the original', () => {
    const mixed = fc.string({
      unit: fc.constantFrom(...'碳纤维复合材料ＡＢＣabc 　，,.Ｃ１2船舶工艺'.split('')),
    });
    fc.assert(
      fc.property(mixed, (text) => {
        expect(tokenize(normalize(text))).toEqual(tokenize(text));
      }),
      { numRuns: 300 },
    );
  });
});
