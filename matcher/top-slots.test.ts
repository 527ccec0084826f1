import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer, type TermVector } from './analyze.js';
import { Collection } from './collection.js';
import { MAX_PER_TEAM } from './constants.js';
import { BatchEncoder } from './encoded.js';
import { MatchIndex } from './match-index.js';
import type { ScoringModel } from './scoring.js';
import type { MatchDocument } from './types.js';

/**
 * A document with more postings than the delta may hold: adding it folds every document added
 * so far into the inverted base, which is where pruning happens. Its terms match no query.
 */
const FILLER: TermVector = new Map(Array.from({ length: 70_000 }, (_, index) => [`filler${index}`, 1]));

const MODELS: ScoringModel[] = ['cosine', 'bm25'];

/** Best first, ties by smaller key, as MatchIndex ranks: the reference for topSlots. */
function exhaustiveTop(
  collection: Collection,
  query: TermVector,
  model: ScoringModel,
  limit: number,
  accept: (slot: number) => boolean,
): [string, number][] {
  const { slots, scores } = collection.score(query, model);
  return Array.from(slots, (slot, index): [string, number] => [collection.keyOfSlot(slot), scores[index]!])
    .filter((_, index) => accept(slots[index]!))
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .slice(0, limit);
}

function prunedTop(
  collection: Collection,
  query: TermVector,
  model: ScoringModel,
  limit: number,
  accept: (slot: number) => boolean,
): [string, number][] {
  const { slots, scores } = collection.topSlots(query, model, limit, accept);
  return Array.from(slots, (slot, index) => [collection.keyOfSlot(slot), scores[index]!]);
}

// A few common terms and more rare ones: documents share terms, some tie exactly, and the
// rare terms' higher bounds let the common terms' long lists be pruned.
const term = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('c0', 'c1', 'c2') },
  { weight: 1, arbitrary: fc.nat({ max: 7 }).map((draw) => `r${draw}`) },
);
const vectorArbitrary = fc
  .array(fc.tuple(term, fc.constantFrom(0.5, 1, 1.5, 2, 3)), { minLength: 1, maxLength: 6 })
  .map((entries): TermVector => new Map(entries));
// Queries that mix a rare term with common ones, the shape in which pruning pays.
const queryArbitrary = fc
  .tuple(fc.nat({ max: 7 }), fc.constantFrom('c0', 'c1', 'c2'), vectorArbitrary)
  .map(([rare, common, rest]): TermVector => new Map([[`r${rare}`, 1], [common, 1], ...rest]));
const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ add: vectorArbitrary, copies: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ remove: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ fold: true as const }) },
);

describe('Collection.topSlots', () => {
  it('returns exactly the exhaustive ranking (keys, order, score bits) after any history, with any filter', () => {
    let pruned = 0;
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 100 }),
        fc.array(step, { maxLength: 15 }),
        fc.oneof(vectorArbitrary, queryArbitrary),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (before, after, query, limit, modulus) => {
          // Always one rebuild with steps after it, so there is a base to prune and a delta.
          const steps = [...before, { fold: true as const }, ...after];
          const collection = new Collection();
          let next = 0;
          let filler = 0;
          for (const action of steps) {
            if ('add' in action) {
              for (let copy = 0; copy < action.copies; copy++) {
                // Terms of its own give every document a norm like a real profile's, so the
                // shared terms' parts (and bounds) follow their idf, and copies still tie.
                const own: [string, number][] = [0, 1, 2, 3].map((part) => [`own${next}.${part}`, 1]);
                collection.add(`d${next++}`, new Map([...action.add, ...own]));
              }
            } else if ('remove' in action) {
              if (next > 0) collection.remove(`d${action.remove % next}`);
            } else {
              collection.add(`filler${filler++}`, FILLER);
            }
          }
          // Rejects every modulus-th document (none when modulus is 1).
          const accept = (slot: number) =>
            modulus === 1 || Number(collection.keyOfSlot(slot).slice(1)) % modulus !== 0;
          for (const model of MODELS) {
            expect(prunedTop(collection, query, model, limit, accept)).toEqual(
              exhaustiveTop(collection, query, model, limit, accept),
            );
            const everything = collection.topSlots(query, model, collection.size + 1).postingsVisited;
            if (collection.topSlots(query, model, limit, accept).postingsVisited < everything) pruned++;
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property says nothing if the pruned branch never ran.
    // Usually 25–40 of the 600 queries; far below that, the corpora no longer exercise it.
    expect(pruned).toBeGreaterThan(5);
  });

  it('reads only a few postings of a long, weak list once a rare term has settled the top', () => {
    const collection = new Collection();
    for (let index = 0; index < 3000; index++) {
      const terms: [string, number][] = [[`own${index}`, 1]];
      if (index % 2 === 0) terms.push(['common', 1 + (index % 3)]);
      if (index % 300 === 0) terms.push(['rare', 2]);
      collection.add(`d${index}`, new Map(terms));
    }
    collection.add('filler', FILLER);
    const query: TermVector = new Map([
      ['rare', 1],
      ['common', 1],
    ]);
    for (const model of MODELS) {
      const top = collection.topSlots(query, model, 3);
      expect(Array.from(top.slots, (slot) => collection.keyOfSlot(slot))).toEqual(
        exhaustiveTop(collection, query, model, 3, () => true).map(([key]) => key),
      );
      // Exhaustive scoring reads all 1,500 postings of 'common'; the 10 'rare' documents need 10 look-ups.
      expect(top.postingsVisited, model).toBeLessThan(40);
    }
  });

  it('never returns a removed document, even when it would score best', () => {
    const collection = new Collection();
    for (let index = 0; index < 50; index++) collection.add(`d${index}`, new Map([['a', 1 + (index % 5)]]));
    collection.add('best', new Map([['a', 9]]));
    collection.add('filler', FILLER);
    collection.remove('best');
    for (const model of MODELS) {
      const keys = Array.from(collection.topSlots(new Map([['a', 1]]), model, 5).slots, (slot) =>
        collection.keyOfSlot(slot),
      );
      expect(keys).toEqual(
        exhaustiveTop(collection, new Map([['a', 1]]), model, 5, () => true).map(([key]) => key),
      );
      expect(keys).not.toContain('best');
      expect(keys.every((key) => key?.startsWith('d'))).toBe(true);
    }
  });
});

const WORDS = '碳纤维 复合材料 固化 树脂 船舶 焊接 变形 电池 正极 curing resin welding hull battery'.split(
  ' ',
);
const CHAINS = ['materials', 'marine', 'energy'];
const words = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .map((list) => list.join(' '));
const profile = fc.record({
  text: words,
  chain: fc.constantFrom(...CHAINS),
  team: fc.constantFrom('a', 'b', 'c'),
});

/** topK's ranking recomputed from scoreAll (exhaustive), with its filter and diversity rule. */
function referenceTopK(
  index: MatchIndex,
  query: string,
  method: 'tfidf' | 'bm25',
  k: number,
  chain: string | undefined,
  diversity: boolean,
  documents: Map<string, MatchDocument>,
): [string, number][] {
  const ranked = [...index.scoreAll(query, { kind: 'faculty', method })]
    .filter((match) => match.score > 0)
    .filter((match) => chain === undefined || documents.get(match.id)?.attributes?.chain === chain)
    .sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1))
    .slice(0, diversity ? k * 5 : k);
  if (!diversity) return ranked.map((match) => [match.id, match.score]);
  const perTeam = new Map<string, number>();
  const chosen: typeof ranked = [];
  const skipped: typeof ranked = [];
  for (const match of ranked) {
    if (chosen.length === k) break;
    const team = documents.get(match.id)?.attributes?.team ?? '';
    const count = perTeam.get(team) ?? 0;
    if (count >= MAX_PER_TEAM) skipped.push(match);
    else {
      perTeam.set(team, count + 1);
      chosen.push(match);
    }
  }
  return [...chosen, ...skipped.slice(0, k - chosen.length)].map((match) => [match.id, match.score]);
}

describe('MatchIndex.topK with pruning', () => {
  it('ranks exactly like exhaustive scoring, with filters, diversity and documents added after the base was built', () => {
    fc.assert(
      fc.property(
        fc.array(profile, { minLength: 1, maxLength: 40 }),
        fc.array(profile, { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.record({
          query: words,
          method: fc.constantFrom('tfidf' as const, 'bm25' as const),
          k: fc.integer({ min: 1, max: 6 }),
          chain: fc.option(fc.constantFrom(...CHAINS), { nil: undefined }),
          diversity: fc.boolean(),
        }),
        (before, after, removals, { query, method, k, chain, diversity }) => {
          const index = new MatchIndex();
          const documents = new Map<string, MatchDocument>();
          const add = (spec: (typeof before)[number], position: number) => {
            const document: MatchDocument = {
              id: `faculty:${position}`,
              kind: 'faculty',
              text: spec.text,
              attributes: { chain: spec.chain, team: spec.team },
            };
            index.add(document);
            documents.set(document.id, document);
          };
          before.forEach(add);
          // A filler document with 70,000 terms of its own makes the next query build the inverted base.
          const filler = new BatchEncoder(0, false);
          filler.add(
            { id: 'faculty:filler', kind: 'faculty', text: [...FILLER.keys()].join(' ') },
            new DocumentAnalyzer(),
          );
          index.loader().load(filler.take());
          after.forEach((spec, position) => {
            add(spec, before.length + position);
          });
          for (const removal of removals) {
            const id = `faculty:${removal % (before.length + after.length)}`;
            index.remove(id);
            documents.delete(id);
          }
          const filters = chain === undefined ? undefined : { chain };
          const actual = index
            .topK(query, { kind: 'faculty', method, k, diversity, ...(filters ? { filters } : {}) })
            .map((match): [string, number] => [match.id, match.score]);
          expect(actual).toEqual(referenceTopK(index, query, method, k, chain, diversity, documents));
        },
      ),
      { numRuns: 60 },
    );
  });
});
