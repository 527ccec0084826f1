import { describe, expect, it } from 'vitest';
import { analyzeDocument, DocumentAnalyzer } from './analyze.js';
import { BatchEncoder, type EncodedBatch } from './encoded.js';
import { MatchIndex } from './match-index.js';
import { TEAMS } from './testing/corpus.js';
import { type MatchDocument, METHOD_NAMES } from './types.js';

const EXTRA: MatchDocument[] = [
  { id: 'faculty:1', kind: 'faculty', text: 'Carbon fibre prepreg curing at low temperature, 碳纤维预浸料' },
  { id: 'faculty:2', kind: 'faculty', text: '船体分段焊接变形 welding distortion of ship hull blocks' },
  {
    id: 'faculty:3',
    kind: 'faculty',
    title: '锂电池正极',
    text: 'cathode coating for lithium batteries',
    works: [{ title: 'Solid electrolyte interphase', text: '固态电解质界面', year: 2022 }],
  },
];
const DOCUMENTS = [...TEAMS, ...EXTRA];
const QUERIES = [
  '碳纤维复合材料低温固化',
  'welding distortion 焊接变形',
  '正极材料包覆 battery',
  '海参胶原蛋白肽',
];

/** Chunks of documents handed to encoders in turn, as the analysis pool hands them to workers. */
function encodeInTurns(documents: MatchDocument[], encoders: number, chunk: number, baseline: boolean) {
  const pool = Array.from({ length: encoders }, (_, encoder) => new BatchEncoder(encoder, baseline));
  const analysis = new DocumentAnalyzer();
  const batches: EncodedBatch[] = [];
  for (let start = 0, turn = 0; start < documents.length; start += chunk, turn++) {
    const encoder = pool[turn % encoders]!;
    for (const document of documents.slice(start, start + chunk)) encoder.add(document, analysis);
    batches.push(encoder.take());
  }
  return batches;
}

function rankings(index: MatchIndex) {
  return METHOD_NAMES.flatMap((method) =>
    (['team', 'faculty'] as const).flatMap((kind) =>
      QUERIES.map((query) => index.topK(query, { kind, k: 5, method })),
    ),
  );
}

/**
 * Rankings as bulk loading must reproduce them. Documents loaded in bulk keep no English words
 * of their own (too many strings for a million profiles), so a stem is shown as the first word
 * this process saw for it: the reasons' shares must agree, their English wording may not.
 */
function rankingsWithoutWording(index: MatchIndex) {
  return rankings(index).map((ranking) =>
    ranking.map((match) => ({ ...match, terms: match.terms.map((term) => term.share) })),
  );
}

describe('documents numbered in workers', () => {
  it('rank exactly like documents added one by one, whatever the number of encoders', () => {
    const direct = new MatchIndex({ baseline: true });
    for (const document of DOCUMENTS) direct.add(document);
    for (const encoders of [1, 2, 3]) {
      const loaded = new MatchIndex({ baseline: true });
      const loader = loaded.loader();
      for (const batch of encodeInTurns(DOCUMENTS, encoders, 2, true)) loader.load(batch);
      expect(loaded.size).toBe(direct.size);
      expect(loaded.vocabulary.size).toBe(direct.vocabulary.size);
      expect(rankingsWithoutWording(loaded)).toEqual(rankingsWithoutWording(direct));
    }
  });

  it('hold the vectors analysis gives, term for term and in order, however many terms a document has', () => {
    const analysis = new DocumentAnalyzer();
    // Two thousand distinct words, each read three times: far past the summing table's first size.
    const words = Array.from({ length: 2000 }, (_, index) => `lexeme${index.toString(36)}`);
    const long: MatchDocument = {
      id: 'faculty:long',
      kind: 'faculty',
      title: words.slice(0, 50).join(' '),
      text: [...words, ...words].join(' '),
      works: [{ title: '碳纤维复合材料', text: words.slice(0, 700).join(' ') }],
    };
    const documents = [...DOCUMENTS, long];
    const encoder = new BatchEncoder(0, true);
    for (const document of documents) encoder.add(document, analysis);
    const batch = encoder.take();
    const vectors: [string, number][][] = [];
    for (let vector = 0; vector + 1 < batch.vectorStarts.length; vector++) {
      const span = [batch.vectorStarts[vector]!, batch.vectorStarts[vector + 1]!] as const;
      vectors.push(
        [...batch.termIds.subarray(...span)].map((id, position) => [
          batch.newTerms[id]!,
          batch.weights[span[0] + position]!,
        ]),
      );
    }
    const expected = documents.flatMap((document) => {
      const analyzed = analyzeDocument(document, { baseline: true });
      return [analyzed.whole, ...analyzed.works, analyzed.plain!].map((vector) =>
        [...vector].map(([term, weight]) => [term, Math.fround(weight)]),
      );
    });
    expect(vectors).toEqual(expected);
    expect(vectors.at(-3)!.length).toBeGreaterThan(1000);
  });

  it('keep works, attributes and evidence, and stay open to later adds and removals', () => {
    const loaded = new MatchIndex();
    const loader = loaded.loader();
    for (const batch of encodeInTurns(TEAMS, 2, 2, false)) loader.load(batch);
    loaded.prepare();
    const direct = new MatchIndex();
    for (const document of TEAMS) direct.add(document);
    for (const index of [loaded, direct]) {
      index.add(EXTRA[2]!);
      index.remove('team:welding');
    }
    const query = '碳纤维预浸料固化';
    expect(loaded.topK(query, { kind: 'team', filters: { university: '山东大学（威海）' } })).toEqual(
      direct.topK(query, { kind: 'team', filters: { university: '山东大学（威海）' } }),
    );
    expect(loaded.topK(query, { kind: 'team' })[0]?.evidence?.title).toBe(
      '一种碳纤维预浸料的低温快速固化方法',
    );
  });

  it('let the caller refuse a document before it is added', () => {
    const index = new MatchIndex();
    const [batch] = encodeInTurns([EXTRA[0]!, EXTRA[0]!], 1, 2, false);
    expect(() =>
      index.loader().load(batch!, (head) => {
        if (index.has(head.id)) throw new Error(`duplicate id ${head.id}`);
      }),
    ).toThrow('duplicate id faculty:1');
    expect(index.size).toBe(1);
  });

  it('refuse a batch without the words-only vectors a baseline index needs', () => {
    const index = new MatchIndex({ baseline: true });
    const [batch] = encodeInTurns([EXTRA[0]!], 1, 1, false);
    expect(() => index.loader().load(batch!)).toThrow('words-only');
  });
});
