import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex } from './match-index.js';
import { type DocumentKind, type MatchDocument, METHOD_NAMES } from './types.js';

const WORDS =
  '碳纤维 复合材料 固化 成型 树脂 船舶 焊接 变形 海参 胶原蛋白 电池 正极 curing resin welding hull battery cathode segmentation'.split(
    ' ',
  );
const QUERIES = [
  '碳纤维复合材料固化工艺',
  '船体焊接变形 welding',
  'battery 正极材料 电池',
  '胶原蛋白肽 resin curing',
];
const KINDS: DocumentKind[] = ['team', 'faculty', 'demand'];

const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 })
  .map((words) => words.join(' '));
const documentArbitrary = fc.record({
  id: fc.integer({ min: 0, max: 7 }),
  kind: fc.constantFrom(...KINDS),
  text,
  title: fc.option(text, { nil: undefined }),
  works: fc.array(fc.record({ title: text, text, year: fc.integer({ min: 2000, max: 2025 }) }), {
    maxLength: 3,
  }),
  team: fc.constantFrom('a', 'b'),
});
const operation = fc.record({ remove: fc.boolean(), document: documentArbitrary });

type DocumentSpec = typeof documentArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toDocument(spec: DocumentSpec): MatchDocument {
  const document: MatchDocument = {
    id: `${spec.kind}:${spec.id}`,
    kind: spec.kind,
    text: spec.text,
    works: spec.works,
    attributes: { team: spec.team },
  };
  if (spec.title !== undefined) document.title = spec.title;
  return document;
}

function rankings(index: MatchIndex) {
  return QUERIES.flatMap((query) =>
    KINDS.flatMap((kind) => METHOD_NAMES.map((method) => index.topK(query, { kind, method, k: 20 }))),
  );
}

describe('incremental updates', () => {
  it('rank exactly like a fresh build after any series of upserts and removals', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        const live = new MatchIndex({ baseline: true });
        const state = new Map<string, MatchDocument>();
        for (const { remove, document: spec } of operations) {
          const document = toDocument(spec);
          if (remove) {
            expect(live.remove(document.id)).toBe(state.delete(document.id));
          } else {
            live.upsert(document);
            state.set(document.id, document);
          }
        }
        const fresh = new MatchIndex({ baseline: true });
        for (const document of [...state.values()].reverse()) fresh.add(document);
        expect(live.size).toBe(fresh.size);
        expect(rankings(live)).toEqual(rankings(fresh));
      }),
      { numRuns: 60 },
    );
  });

  it('rank exactly like a fresh build after removals large enough to renumber the index', () => {
    const live = new MatchIndex({ baseline: true });
    const documents: MatchDocument[] = Array.from({ length: 2600 }, (_, position) => ({
      id: `team:${position}`,
      kind: 'team',
      text: `${WORDS[position % WORDS.length]} ${WORDS[(position * 7) % WORDS.length]} ${position % 13 === 0 ? '碳纤维' : ''}`,
    }));
    for (const document of documents) live.add(document);
    for (const document of documents.slice(0, 2200)) live.remove(document.id);
    const fresh = new MatchIndex({ baseline: true });
    for (const document of documents.slice(2200)) fresh.add(document);
    expect(rankings(live)).toEqual(rankings(fresh));
  });

  it('refuses a duplicate add but accepts an upsert', () => {
    const index = new MatchIndex();
    index.add({ id: 'team:1', kind: 'team', text: '碳纤维' });
    expect(() => index.add({ id: 'team:1', kind: 'team', text: '船舶' })).toThrow(/already/);
    index.upsert({ id: 'team:1', kind: 'team', text: '船舶' });
    expect(index.topK('船舶', { kind: 'team' }).map((match) => match.id)).toEqual(['team:1']);
    expect(index.topK('碳纤维', { kind: 'team' })).toEqual([]);
    expect(index.has('team:1')).toBe(true);
    expect(index.remove('team:1')).toBe(true);
    expect(index.remove('team:1')).toBe(false);
    expect(index.size).toBe(0);
  });
});
