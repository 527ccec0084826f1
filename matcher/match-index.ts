import { type Analyzer, DocumentAnalyzer, type TermVector, type TermWords } from './analyze.js';
import { Collection } from './collection.js';
import {
  BM25_B,
  BM25_B_PROFILES_WITH_WORKS,
  DEFAULT_K,
  DIVERSITY_POOL_FACTOR,
  FEEDBACK_MIN_DOCUMENTS,
  MAX_PER_TEAM,
} from './constants.js';
import {
  BatchLoader,
  type DocumentHead,
  documentHead,
  type EncodedSink,
  type EncodedVector,
  type WorkHead,
} from './encoded.js';
import { foldTerms, type PairSides, TextWords } from './explain.js';
import { type ExpandedQuery, expandQuery } from './feedback.js';
import { compileFilters } from './filters.js';
import { type CensusGroup, CURATED_GENERIC_WORDS, GenericTermCensus } from './generic-terms.js';
import { DEFAULT_METHOD, type MethodSpec, methodSpec } from './methods.js';
import type { PostingsHelper } from './postings.js';
import { type ProfileScores, scoreProfiles } from './profile-scores.js';
import type { ScoringModel } from './scoring.js';
import { type Candidate, TopCollector } from './select.js';
import type { Snapshot } from './snapshot.js';
import type {
  DocumentKind,
  MatchAttributes,
  MatchDocument,
  MatchEvidence,
  MethodName,
  RankedMatch,
  TopKOptions,
} from './types.js';
import { Vocabulary } from './vocabulary.js';

interface DocumentMeta {
  kind: DocumentKind;
  attributes: MatchAttributes | undefined;
  works: readonly WorkHead[];
  /** The document's own words behind its stems, bigrams and concepts (not kept for bulk loads). */
  words?: TermWords;
}

/** The indexes of one kind of document: whole documents, their works, and the baseline's view. */
export interface KindIndex {
  whole: Collection;
  works: Collection;
  plain: Collection | undefined;
}

export interface MatchIndexOptions {
  /** Also keep the words-only index that method 'baseline' needs (for evaluation). */
  baseline?: boolean;
  /** How documents and queries become terms; FULL_ANALYZER unless measuring an alternative. */
  analyzer?: Analyzer;
}

/**
 * A built index as plain data (MatchIndex.snapshot()), for a copy in another thread that
 * answers exactly as the original: what it has read and numbered, not its caches.
 */
export interface IndexSnapshot {
  keepBaseline: boolean;
  vocabulary: Snapshot;
  meta: Map<string, DocumentMeta>;
  kinds: Map<DocumentKind, { whole: Snapshot; works: Snapshot; plain: Snapshot | undefined }>;
}

const NO_WORKS: readonly WorkHead[] = [];
const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * A query as scored: its term vector (expanded for bm25-prf), the terms feedback added, and the
 * query's own terms and words for explanations.
 */
interface PreparedQuery extends ExpandedQuery {
  own: TermVector;
  demandWords: TextWords;
}

/** Key of a work in a kind's works index: the profile's id, '#', the work's position. */
export function workKey(id: string, position: number): string {
  return `${id}#${position}`;
}

/**
 * Documents of every kind, searchable in both directions (demand → profiles and profile →
 * demands). Each kind has its own collection statistics, so a demand is weighed against the
 * vocabulary of faculty when faculty are ranked, and against other demands' when demands are.
 */
export class MatchIndex implements EncodedSink {
  /** Numbers the terms of every collection, so that documents numbered elsewhere fit them all. */
  readonly vocabulary = new Vocabulary();
  private readonly kinds = new Map<DocumentKind, KindIndex>();
  private readonly meta = new Map<string, DocumentMeta>();
  private readonly keepBaseline: boolean;
  private readonly analysis: DocumentAnalyzer;
  /** A term as this index's own reading shows it (a stem as the shortest word read for it). */
  private readonly display = (term: string) => this.analysis.tokenizer.displayTerm(term);
  private readonly census = new GenericTermCensus(() => this.censusGroups());
  private curatedGenericTerms: Set<string> | undefined;
  /** Scratch marks by term id for withOwnTermMarks(), all zero between uses. */
  private termMarks = new Uint8Array(0);

  constructor(options: MatchIndexOptions = {}) {
    this.keepBaseline = options.baseline ?? false;
    this.analysis = new DocumentAnalyzer(options.analyzer);
  }

  get size(): number {
    return this.meta.size;
  }

  /**
   * The index as plain data for postMessage, so that worker threads can rank with a copy of it
   * instead of building their own. The copy starts with no display words read (see
   * readQueryWords) and recomputes its caches; call prepare() first so that it need not. The
   * copy shares the postings' memory with this index (see Collection.rebuild), so it is for
   * answering: a document added to it would be written where this index appends its own.
   */
  snapshot(): IndexSnapshot {
    const kinds: IndexSnapshot['kinds'] = new Map();
    for (const [kind, kindIndex] of this.kinds) {
      kinds.set(kind, {
        whole: kindIndex.whole.snapshot(),
        works: kindIndex.works.snapshot(),
        plain: kindIndex.plain?.snapshot(),
      });
    }
    return {
      keepBaseline: this.keepBaseline,
      vocabulary: this.vocabulary.snapshot(),
      meta: this.meta,
      kinds,
    };
  }

  static fromSnapshot(
    snapshot: IndexSnapshot,
    options: Omit<MatchIndexOptions, 'baseline'> = {},
  ): MatchIndex {
    const vocabulary = Vocabulary.fromSnapshot(snapshot.vocabulary);
    const kinds = new Map<DocumentKind, KindIndex>();
    for (const [kind, collections] of snapshot.kinds) {
      kinds.set(kind, {
        whole: Collection.fromSnapshot(vocabulary, collections.whole),
        works: Collection.fromSnapshot(vocabulary, collections.works),
        plain: collections.plain && Collection.fromSnapshot(vocabulary, collections.plain),
      });
    }
    const index = new MatchIndex({ ...options, baseline: snapshot.keepBaseline });
    return Object.assign(index, { vocabulary, kinds, meta: snapshot.meta });
  }

  has(id: string): boolean {
    return this.meta.has(id);
  }

  /** Adds a document; its id must be new to the index. */
  add(document: MatchDocument): void {
    const analyzed = this.analysis.analyzeDocument(document, { baseline: this.keepBaseline, words: true });
    const kindIndex = this.admit(documentHead(document), analyzed.words);
    kindIndex.whole.add(document.id, analyzed.whole);
    analyzed.works.forEach((vector, position) => {
      kindIndex.works.add(workKey(document.id, position), vector);
    });
    kindIndex.plain?.add(document.id, analyzed.plain!);
  }

  /**
   * Adds a document whose vectors are already numbered in this index's vocabulary: the way in
   * for documents analysed in worker threads (BatchLoader), where most of a build's work is.
   */
  addEncoded(head: DocumentHead, whole: EncodedVector, works: EncodedVector[], plain?: EncodedVector): void {
    if (this.keepBaseline && !plain) throw new Error('a baseline index needs words-only vectors');
    const kindIndex = this.admit(head);
    kindIndex.whole.addEncoded(head.id, whole.termIds, whole.weights);
    works.forEach((vector, position) => {
      kindIndex.works.addEncoded(workKey(head.id, position), vector.termIds, vector.weights);
    });
    if (kindIndex.plain) kindIndex.plain.addEncoded(head.id, plain!.termIds, plain!.weights);
  }

  /**
   * Makes the index ready to answer by `method` at full speed (see Collection.prepare()); another
   * method's first query then computes what it needs.
   */
  prepare(method: MethodName = DEFAULT_METHOD): void {
    for (const [collection, model] of this.collectionsOf(method)) collection.prepare(model);
  }

  /**
   * prepare() with the posting lists written by helper threads too (postings.ts): for a bulk
   * build, whose analysis workers are idle by then. Queries before it settles are exact but slow.
   */
  async prepareShared(method: MethodName, helpers: readonly PostingsHelper[]): Promise<void> {
    for (const [collection, model] of this.collectionsOf(method))
      await collection.prepareShared(model, helpers);
  }

  /** The collections a method reads, and by which model. */
  private collectionsOf(method: MethodName): [Collection, ScoringModel][] {
    const spec = this.specFor(method);
    return [...this.kinds.values()].flatMap((kindIndex): [Collection, ScoringModel][] => {
      if (spec.plain) return [[kindIndex.plain!, spec.model]];
      if (spec.aggregate === 'none') return [[kindIndex.whole, spec.model]];
      return [
        [kindIndex.whole, spec.model],
        [kindIndex.works, spec.model],
      ];
    });
  }

  /** Loads batches of documents analysed and numbered in workers (see encoded.ts). */
  loader(): BatchLoader {
    return new BatchLoader(this);
  }

  /** Adds a document or replaces the one with its id, keeping every statistic exact. */
  upsert(document: MatchDocument): void {
    this.remove(document.id);
    this.add(document);
  }

  remove(id: string): boolean {
    const meta = this.meta.get(id);
    if (!meta) return false;
    this.census.reset();
    const kindIndex = this.kindIndex(meta.kind);
    kindIndex.whole.remove(id);
    for (let position = 0; position < meta.works.length; position++)
      kindIndex.works.remove(workKey(id, position));
    kindIndex.plain?.remove(id);
    this.meta.delete(id);
    return true;
  }

  /** The k documents of a kind that best match the query, best first, each with its reasons. */
  topK(query: MatchDocument | string, options: TopKOptions): RankedMatch[] {
    const spec = this.specFor(options.method);
    const kindIndex = this.kinds.get(options.kind);
    if (!kindIndex) return [];
    const prepared = this.prepareQuery(query, spec, kindIndex);
    const k = options.k ?? DEFAULT_K;
    const accept = compileFilters(options.filters);
    const limit = options.diversity ? k * DIVERSITY_POOL_FACTOR : k;
    const scores =
      spec.aggregate === 'none'
        ? this.bestWholeScores(kindIndex, prepared, spec, limit, accept)
        : this.scoreProfiles(kindIndex, prepared, spec);
    const pool = new TopCollector(limit);
    const { slots, values } = scores;
    for (let index = 0; index < slots.length; index++) {
      const score = values[index]!;
      if (score <= 0) continue;
      const key = scores.collection.keyOfSlot(slots[index]!);
      if (accept && !accept(this.meta.get(key)?.attributes)) continue;
      pool.offer(score, () => key);
    }
    const chosen = options.diversity ? this.diversify(pool.sorted(), k) : pool.sorted();
    return chosen.map((candidate) => this.rankedMatch(kindIndex, prepared, spec, scores, candidate));
  }

  /**
   * Every document of a kind with its score for the query, in the order documents were added,
   * zero scores included, for batch output of all pairs. Terms are given for scores above
   * zero; evidence is left null (scorePair gives it for one pair).
   */
  *scoreAll(
    query: MatchDocument | string,
    options: { kind: DocumentKind; method?: MethodName },
  ): Generator<RankedMatch> {
    const spec = this.specFor(options.method);
    const kindIndex = this.kinds.get(options.kind);
    if (!kindIndex) return;
    const prepared = this.prepareQuery(query, spec, kindIndex);
    const scores = this.scoreProfiles(kindIndex, prepared, spec);
    const bySlot = new Map<number, number>();
    for (let index = 0; index < scores.slots.length; index++)
      bySlot.set(scores.slots[index]!, scores.values[index]!);
    const collection = scores.collection;
    for (let slot = 0; slot < collection.slotCount; slot++) {
      if (!collection.isLive(slot)) continue;
      const key = collection.keyOfSlot(slot);
      const score = bySlot.get(slot) ?? 0;
      if (score <= 0) {
        yield { id: key, kind: options.kind, score: 0, terms: [], evidence: null };
        continue;
      }
      yield { ...this.rankedMatch(kindIndex, prepared, spec, scores, { key, score }, false), evidence: null };
    }
  }

  /**
   * Reads a query's words as topK() would, without ranking. A stem is shown as the shortest
   * word read for it so far, so a thread that ranks only some of a batch's demands reads the
   * others it skipped before them, and shows every term as one thread ranking them all in order.
   */
  readQueryWords(query: MatchDocument | string, method?: MethodName): void {
    const spec = this.specFor(method);
    (spec.plain ? this.analysis.plain() : this.analysis).analyze(query);
  }

  /** The score and reasons of one pair, as topK would give them; null if the id is unknown. */
  scorePair(query: MatchDocument | string, id: string, method?: MethodName): RankedMatch | null {
    const meta = this.meta.get(id);
    if (!meta) return null;
    const spec = this.specFor(method);
    const kindIndex = this.kindIndex(meta.kind);
    const prepared = this.prepareQuery(query, spec, kindIndex);
    const scores = this.scoreProfiles(kindIndex, prepared, spec);
    const slot = scores.collection.slotOfKey(id)!;
    const index = scores.slots.indexOf(slot);
    const score = index < 0 ? 0 : scores.values[index]!;
    return this.rankedMatch(kindIndex, prepared, spec, scores, { key: id, score });
  }

  /**
   * The best `limit` accepted documents by whole-document score, found without scoring most of
   * the collection (Collection.topSlots); the same scores scoreProfiles() gives them.
   */
  private bestWholeScores(
    kindIndex: KindIndex,
    prepared: PreparedQuery,
    spec: MethodSpec,
    limit: number,
    accept: ((attributes: MatchAttributes | undefined) => boolean) | undefined,
  ): ProfileScores {
    const collection = spec.plain ? kindIndex.plain! : kindIndex.whole;
    const acceptAttributes =
      accept && ((slot: number) => accept(this.meta.get(collection.keyOfSlot(slot))?.attributes));
    const rank = (own: Uint8Array | undefined) => {
      const acceptSlot =
        own && acceptAttributes
          ? (slot: number) => collection.containsAny(slot, own) && acceptAttributes(slot)
          : own
            ? (slot: number) => collection.containsAny(slot, own)
            : acceptAttributes;
      return collection.topSlots(prepared.vector, spec.model, limit, acceptSlot);
    };
    const best = spec.feedback ? this.withOwnTermMarks(prepared, rank) : rank(undefined);
    const scores = { collection, slots: best.slots, values: best.scores, wholeScale: 1, workScale: 0 };
    return this.withinOne(scores, prepared.vector, spec);
  }

  private scoreProfiles(kindIndex: KindIndex, prepared: PreparedQuery, spec: MethodSpec): ProfileScores {
    const scores = scoreProfiles(kindIndex, prepared.vector, spec, this.workCounter());
    if (spec.feedback) {
      this.withOwnTermMarks(prepared, (own) => {
        for (let index = 0; index < scores.slots.length; index++)
          if (!scores.collection.containsAny(scores.slots[index]!, own)) scores.values[index] = 0;
      });
    }
    return spec.aggregate === 'none' ? this.withinOne(scores, prepared.vector, spec) : scores;
  }

  /**
   * Calls `use` with the demand's own terms marked by id. With feedback only documents sharing at
   * least one of them are ranked: feedback re-orders what the demand matches and never brings in
   * a profile on borrowed words alone (the portal would list a team the demand says nothing
   * about). The marks live in one array per index, cleared after each use: a fresh array the
   * size of the vocabulary for every query was a measurable share of ranking a batch.
   */
  private withOwnTermMarks<T>(prepared: PreparedQuery, use: (marks: Uint8Array) => T): T {
    if (this.termMarks.length < this.vocabulary.size)
      this.termMarks = new Uint8Array(this.vocabulary.size * 2);
    const marks = this.termMarks;
    const ids: number[] = [];
    for (const term of prepared.own.keys()) {
      const id = this.vocabulary.idOf(term);
      if (id !== undefined) {
        marks[id] = 1;
        ids.push(id);
      }
    }
    try {
      return use(marks);
    } finally {
      for (const id of ids) marks[id] = 0;
    }
  }

  /**
   * Whole-document BM25 scores divided by the query's ceiling (Collection.bm25Ceiling), so that
   * every method reports 0..1 as cosine does and the portal's thresholds and percentages keep
   * their meaning; a per-query constant, so rankings and term shares are unchanged.
   */
  private withinOne(scores: ProfileScores, vector: TermVector, spec: MethodSpec): ProfileScores {
    if (spec.model !== 'bm25') return scores;
    const ceiling = scores.collection.bm25Ceiling(vector);
    if (ceiling <= 0) return scores;
    for (let index = 0; index < scores.values.length; index++) scores.values[index]! /= ceiling;
    return scores;
  }

  /** The query's term vector for a method: analysed, and for bm25-prf expanded by feedback. */
  private prepareQuery(query: MatchDocument | string, spec: MethodSpec, kindIndex: KindIndex): PreparedQuery {
    const words: TermWords = new Map();
    const analysis = spec.plain ? this.analysis.plain() : this.analysis;
    const vector = analysis.analyze(query, words);
    const demandWords = new TextWords(() => vector.keys(), words, this.display);
    if (!spec.feedback || kindIndex.whole.size < FEEDBACK_MIN_DOCUMENTS)
      return { vector, added: NO_TERMS, own: vector, demandWords };
    return { ...expandQuery(kindIndex.whole, vector), own: vector, demandWords };
  }

  private specFor(method: MethodName | undefined): MethodSpec {
    const spec = methodSpec(method ?? DEFAULT_METHOD);
    if (spec.plain && !this.keepBaseline) {
      throw new Error("method 'baseline' needs an index created with { baseline: true }");
    }
    return spec;
  }

  /** Records a new document's head; returns the indexes of its kind. */
  private admit(head: DocumentHead, words?: TermWords): KindIndex {
    if (this.meta.has(head.id)) throw new Error(`document ${head.id} is already in the index`);
    const works = head.works.length ? head.works : NO_WORKS;
    const meta: DocumentMeta = { kind: head.kind, attributes: head.attributes, works };
    if (words) meta.words = words;
    this.meta.set(head.id, meta);
    this.census.reset();
    return this.kindIndex(head.kind);
  }

  /** Groups of the generic-term census: each kind's documents, by chain where they have one. */
  private censusGroups(): CensusGroup[] {
    return [...this.kinds].map(([kind, kindIndex]) => ({
      collection: kindIndex.whole,
      groupOf: (slot: number) =>
        `${kind}/${this.meta.get(kindIndex.whole.keyOfSlot(slot))?.attributes?.chain ?? ''}`,
    }));
  }

  /** What the explanation of a pair reads from each side (explain.ts). */
  private pairSides(collection: Collection, key: string, prepared: PreparedQuery): PairSides {
    const meta = this.meta.get(key);
    let profileTerms: Set<string> | undefined;
    const termsOfProfile = () => {
      if (!profileTerms) {
        const terms = new Set<string>();
        const slot = collection.slotOfKey(key);
        if (slot !== undefined) collection.readDocument(slot, (term) => terms.add(term));
        profileTerms = terms;
      }
      return profileTerms;
    };
    const profileHas = (word: string) => termsOfProfile().has(word);
    const profileWords = new TextWords(termsOfProfile, meta?.words, this.display);
    return {
      profileWord: (term) => profileWords.wordBehind(term),
      demandWord: (term) => (prepared.own.has(term) ? prepared.demandWords.wordBehind(term) : undefined),
      profileHas,
      demandHas: (word) => prepared.own.has(word),
      added: prepared.added,
      isGeneric: (term, words) => this.isGeneric(term, words),
      display: this.display,
    };
  }

  private isGeneric(term: string, words: readonly string[]): boolean {
    const curated = this.curatedGeneric();
    if (curated.has(term) || words.some((word) => curated.has(word))) return true;
    return this.census.isGeneric(term, this.vocabulary.idOf(term));
  }

  /** The curated generic words, and their terms as this index's analysis makes them (stems). */
  private curatedGeneric(): Set<string> {
    if (!this.curatedGenericTerms) {
      const terms = new Set<string>();
      for (const word of CURATED_GENERIC_WORDS) {
        terms.add(word);
        const [first] = this.analysis.tokenizer.tokenize(word);
        if (first) terms.add(first.term);
      }
      this.curatedGenericTerms = terms;
    }
    return this.curatedGenericTerms;
  }

  private workCounter(): (id: string) => number {
    return (id) => this.meta.get(id)?.works.length ?? 0;
  }

  private kindIndex(kind: DocumentKind): KindIndex {
    let kindIndex = this.kinds.get(kind);
    if (!kindIndex) {
      const profileB = kind === 'faculty' || kind === 'team' ? BM25_B_PROFILES_WITH_WORKS : BM25_B;
      kindIndex = {
        whole: new Collection(this.vocabulary, profileB),
        works: new Collection(this.vocabulary, BM25_B),
        plain: this.keepBaseline ? new Collection(this.vocabulary, profileB) : undefined,
      };
      this.kinds.set(kind, kindIndex);
    }
    return kindIndex;
  }

  /** Best first, at most MAX_PER_TEAM per team; the rest of the pool fills any gap left. */
  private diversify(ranked: Candidate[], k: number): Candidate[] {
    const perTeam = new Map<string, number>();
    const chosen: Candidate[] = [];
    const skipped: Candidate[] = [];
    for (const candidate of ranked) {
      if (chosen.length === k) break;
      const team = this.meta.get(candidate.key)?.attributes?.team;
      const count = team === undefined ? 0 : (perTeam.get(team) ?? 0);
      if (team !== undefined && count >= MAX_PER_TEAM) {
        skipped.push(candidate);
        continue;
      }
      if (team !== undefined) perTeam.set(team, count + 1);
      chosen.push(candidate);
    }
    return [...chosen, ...skipped.slice(0, k - chosen.length)];
  }

  private rankedMatch(
    kindIndex: KindIndex,
    prepared: PreparedQuery,
    spec: MethodSpec,
    scores: ProfileScores,
    candidate: Candidate,
    wantEvidence = true,
  ): RankedMatch {
    const vector = prepared.vector;
    const meta = this.meta.get(candidate.key)!;
    const collection = spec.plain ? kindIndex.plain! : kindIndex.whole;
    const parts = collection.contributions(vector, candidate.key, spec.model);
    // Per-work methods need the best work for their terms even when no evidence is shown.
    const best =
      wantEvidence || spec.aggregate !== 'none'
        ? this.bestWork(kindIndex, vector, spec, candidate.key, meta.works)
        : null;
    if (spec.aggregate !== 'none' && best) {
      const wholeScale = scores.wholeScale;
      for (const [term, value] of parts) parts.set(term, value * wholeScale);
      for (const [term, value] of best.parts)
        parts.set(term, (parts.get(term) ?? 0) + value * scores.workScale);
    }
    return {
      id: candidate.key,
      kind: meta.kind,
      score: candidate.score,
      terms: foldTerms(parts, this.pairSides(collection, candidate.key, prepared)),
      evidence: best ? best.evidence : null,
    };
  }

  /** The profile's work that matches the query best, with its term parts; the query resolved once. */
  private bestWork(
    kindIndex: KindIndex,
    vector: TermVector,
    spec: MethodSpec,
    id: string,
    works: readonly WorkHead[],
  ): { evidence: MatchEvidence; parts: Map<string, number> } | null {
    if (works.length === 0) return null;
    const keys = works.map((_work, position) => workKey(id, position));
    const allParts = kindIndex.works.contributionsOf(vector, keys, spec.model);
    let best: { evidence: MatchEvidence; parts: Map<string, number> } | null = null;
    works.forEach((work, position) => {
      const parts = allParts[position]!;
      let score = 0;
      for (const value of parts.values()) score += value;
      if (score > 0 && (!best || score > best.evidence.score)) {
        const evidence: MatchEvidence = { title: work.title, score };
        if (work.year !== undefined) evidence.year = work.year;
        if (work.kind !== undefined) evidence.kind = work.kind;
        best = { evidence, parts };
      }
    });
    return best;
  }
}
