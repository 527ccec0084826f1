import { describe, expect, it } from 'vitest';
import { Collection } from './collection.js';
import * as constants from './constants.js';
import { expandQuery } from './feedback.js';
import { MatchIndex } from './match-index.js';
import type { MatchDocument } from './types.js';
import { Vocabulary } from './vocabulary.js';

const faculty = (id: string, text: string, extra: Partial<MatchDocument> = {}): MatchDocument => ({
  id,
  kind: 'faculty',
  text,
  ...extra,
});

function indexOf(documents: MatchDocument[]): MatchIndex {
  const index = new MatchIndex();
  for (const document of documents) index.add(document);
  return index;
}

const shown = (index: MatchIndex, query: string, id: string) =>
  index.scorePair(query, id)!.terms.map((term) => term.term);

describe('explanations', () => {
  it("shows each profile's own English word for a stem, not the first word the index saw", () => {
    const index = indexOf([
      faculty('faculty:plural', 'Thermoplastic composites for aircraft panels'),
      faculty('faculty:singular', 'A composite panel repaired in service'),
    ]);
    expect(shown(index, 'composite repair', 'faculty:plural')).toContain('composites');
    expect(shown(index, 'composite repair', 'faculty:singular')).toContain('composite');
    expect(shown(index, 'composite repair', 'faculty:singular')).not.toContain('composites');
  });

  it('keeps carbonization apart from carbon, so a carbonization profile is no evidence for carbon fibre', () => {
    const index = indexOf([
      faculty('faculty:carbonization', 'Low temperature carbonization of biomass'),
      faculty('faculty:fibre', 'Carbon fibre reinforced polymer laminates'),
    ]);
    const ranked = index.topK('carbon fibre curing', { kind: 'faculty' });
    expect(ranked.map((match) => match.id)).toEqual(['faculty:fibre']);
  });

  it('says when a match is through the thesaurus, in the words of each text', () => {
    const index = indexOf([faculty('faculty:cure', 'Snap curing of epoxy prepreg laminates')]);
    const terms = index.scorePair('环氧预浸料固化', 'faculty:cure')!.terms;
    expect(terms).toContainEqual(expect.objectContaining({ term: 'curing ≈ 固化', via: 'thesaurus' }));
  });

  it('never names a curated generic word, even when it carries most of the score', () => {
    const index = indexOf([
      faculty('faculty:a', '研究开发系统设计方法与应用分析技术，海参胶原蛋白肽'),
      faculty('faculty:b', '船体分段焊接变形'),
    ]);
    const terms = shown(index, '研究开发系统设计方法应用分析技术', 'faculty:a');
    for (const generic of ['研究', '开发', '系统', '设计', '方法', '应用', '分析', '技术'])
      expect(terms).not.toContain(generic);
    expect(index.scorePair('研究开发系统设计方法应用分析技术', 'faculty:a')!.score).toBeGreaterThan(0);
  });

  it('hides words frequent in every chain but names a word frequent in one chain only', () => {
    const documents: MatchDocument[] = [];
    for (const chain of ['船舶', '医药']) {
      for (let index = 0; index < 12; index++) {
        const own = chain === '船舶' ? '焊接变形' : '胶原蛋白';
        documents.push(
          faculty(`faculty:${chain}-${index}`, `${own}与测试平台，编号${'甲乙丙丁戊己庚辛壬癸子丑'[index]}`, {
            attributes: { chain },
          }),
        );
      }
    }
    const index = indexOf(documents);
    const terms = shown(index, '焊接变形测试平台', 'faculty:船舶-0');
    expect(terms).toContain('焊接变形');
    expect(terms).not.toContain('测试');
  });

  it("names only words both texts have, not a profile's longer word around a shared piece", () => {
    const index = indexOf([faculty('faculty:cellulose', '纤维素提取'), faculty('faculty:other', '船体焊接')]);
    const terms = index.scorePair('碳纤维', 'faculty:cellulose', 'bm25')!.terms.map((term) => term.term);
    expect(terms).toEqual(['纤维']);
  });

  // Feedback reads only collections of FEEDBACK_MIN_DOCUMENTS or more: unrelated profiles fill it.
  const unrelated = Array.from({ length: constants.FEEDBACK_MIN_DOCUMENTS }, (_, position) =>
    faculty(`faculty:welding-${position}`, '船体焊接变形'),
  );
  const prepreg = [
    faculty('faculty:prepreg', '碳纤维预浸料 热压罐成型 预浸料铺层'),
    faculty('faculty:prepreg-2', '碳纤维预浸料 低温固化 预浸料'),
  ];

  it('marks terms pseudo-relevance feedback added', () => {
    const index = indexOf([...prepreg, ...unrelated]);
    const [best] = index.topK('碳纤维', { kind: 'faculty', method: 'bm25-prf' });
    const added = best!.terms.filter((term) => term.via === 'feedback');
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((term) => term.term.startsWith('+'))).toBe(true);
    expect(added.map((term) => term.term)).toContain('+预浸料');
  });

  it('adds no feedback terms in a collection too small for its best few to be a top slice', () => {
    const index = indexOf([...prepreg, ...unrelated.slice(0, 10)]);
    const [best] = index.topK('碳纤维', { kind: 'faculty', method: 'bm25-prf' });
    expect(best!.terms.some((term) => term.via === 'feedback')).toBe(false);
    expect(best!.score).toBeCloseTo(index.topK('碳纤维', { kind: 'faculty', method: 'bm25' })[0]!.score, 9);
  });
});

describe('expandQuery', () => {
  it("keeps the query's mass, FEEDBACK_QUERY_SHARE of it on the demand's own terms", () => {
    const collection = new Collection(new Vocabulary());
    collection.add(
      'a',
      new Map([
        ['碳纤维', 2],
        ['预浸料', 1],
      ]),
    );
    collection.add(
      'b',
      new Map([
        ['碳纤维', 1],
        ['固化', 1],
      ]),
    );
    collection.add('c', new Map([['焊接', 1]]));
    const query = new Map([['碳纤维', 1]]);
    const { vector, added } = expandQuery(collection, query);
    const mass = [...vector.values()].reduce((sum, weight) => sum + weight, 0);
    expect(mass).toBeCloseTo(1, 10);
    expect([...added].sort()).toEqual(['固化', '预浸料']);
    expect(vector.has('焊接')).toBe(false);
    expect(vector.get('碳纤维')!).toBeGreaterThan(0.7);
  });

  it('leaves a query with no match as it is', () => {
    const collection = new Collection(new Vocabulary());
    collection.add('a', new Map([['焊接', 1]]));
    const query = new Map([['碳纤维', 1]]);
    expect(expandQuery(collection, query)).toEqual({ vector: query, added: new Set() });
  });
});

describe('Collection.contributionsOf', () => {
  it('gives every document the parts contributions() gives it alone', () => {
    const collection = new Collection(new Vocabulary());
    collection.add(
      'a',
      new Map([
        ['碳纤维', 2],
        ['预浸料', 1],
      ]),
    );
    collection.add(
      'b',
      new Map([
        ['碳纤维', 1],
        ['固化', 3],
      ]),
    );
    const query = new Map([
      ['碳纤维', 1],
      ['固化', 2],
    ]);
    for (const model of ['cosine', 'bm25'] as const) {
      expect(collection.contributionsOf(query, ['a', 'b', 'missing'], model)).toEqual([
        collection.contributions(query, 'a', model),
        collection.contributions(query, 'b', model),
        new Map(),
      ]);
    }
  });
});
