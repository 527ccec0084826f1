import { KEYWORD_WEIGHT, TITLE_WEIGHT, WORK_TITLE_WEIGHT, WORKS_IN_PROFILE_WEIGHT } from './constants.js';
import { FULL_ANALYSIS, type TermSink, type TokenizeOptions, Tokenizer, WORDS_ONLY } from './tokenize.js';
import type { MatchDocument, MatchWork } from './types.js';

/** Weighted term frequencies of one document: term -> sum of field weight × token weight. */
export type TermVector = Map<string, number>;

const HAN = /\p{Script=Han}/u;

/**
 * The English word of a text each term first came from, for the terms that are not that word themselves
 * (stems, English-named concepts): what an explanation shows for the term on that text's side.
 */
export type TermWords = Map<string, string>;

/** How a document becomes a term vector: which terms, and whether fields weigh differently. */
export interface Analyzer {
  tokens: TokenizeOptions;
  fieldWeights: boolean;
}

export const FULL_ANALYZER: Analyzer = { tokens: FULL_ANALYSIS, fieldWeights: true };
/** Words only, every field alike: the baseline's view of a document. */
export const PLAIN_ANALYZER: Analyzer = { tokens: WORDS_ONLY, fieldWeights: false };

/**
 * Turns documents into term vectors by one Analyzer, with a Tokenizer of its own (and one for
 * the baseline's words-only view when asked for it): an index, or a worker thread, holds one, so
 * what one has read never changes another's terms or display words.
 */
export class DocumentAnalyzer {
  readonly tokenizer: Tokenizer;
  private plainView: DocumentAnalyzer | undefined;

  constructor(readonly analyzer: Analyzer = FULL_ANALYZER) {
    this.tokenizer = new Tokenizer(analyzer.tokens);
  }

  /** The words-only, fields-alike view of the baseline (its own tokenizer and caches). */
  plain(): DocumentAnalyzer {
    this.plainView ??= new DocumentAnalyzer(PLAIN_ANALYZER);
    return this.plainView;
  }

  /** A work as its own small document: its title above its text. */
  analyzeWork(work: MatchWork): TermVector {
    const vector: TermVector = new Map();
    this.readWork(work, summedInto(vector));
    return vector;
  }

  /**
   * A whole document: title and keywords above free text, and its works folded in at
   * WORKS_IN_PROFILE_WEIGHT so that a long list of papers does not drown the profile's own words.
   */
  analyze(document: MatchDocument | string, words?: TermWords): TermVector {
    const vector: TermVector = new Map();
    this.readDocument(document, summedInto(vector, words));
    return vector;
  }

  /**
   * The terms analyze() sums, each occurrence handed to `add` with its field's weight applied, in
   * reading order: for a caller that sums them its own way (BatchEncoder sums them by number).
   */
  readDocument(document: MatchDocument | string, add: TermSink): void {
    if (typeof document === 'string') {
      this.readText(document, 1, add);
      return;
    }
    const weighted = this.analyzer.fieldWeights;
    this.readText(document.title, weighted ? TITLE_WEIGHT : 1, add);
    if (document.keywords) this.readText(document.keywords.join(' ; '), weighted ? KEYWORD_WEIGHT : 1, add);
    this.readText(document.text, 1, add);
    for (const work of document.works ?? []) {
      const workWeight = weighted ? WORKS_IN_PROFILE_WEIGHT : 1;
      this.readText(work.title, workWeight * (weighted ? WORK_TITLE_WEIGHT : 1), add);
      this.readText(work.text, workWeight, add);
    }
  }

  /** The terms analyzeWork() sums, as readDocument() hands them out. */
  readWork(work: MatchWork, add: TermSink): void {
    this.readText(work.title, this.analyzer.fieldWeights ? WORK_TITLE_WEIGHT : 1, add);
    this.readText(work.text, 1, add);
  }

  /**
   * A document's vectors for an index: whole, each work, and with `baseline` the words-only view
   * the baseline method reads. Depends only on the document (see Tokenizer), so it can run in a
   * worker thread (see encoded.ts).
   */
  analyzeDocument(
    document: MatchDocument,
    options: { baseline?: boolean; words?: boolean } = {},
  ): AnalyzedDocument {
    const words: TermWords | undefined = options.words ? new Map() : undefined;
    const analyzed: AnalyzedDocument = {
      whole: this.analyze(document, words),
      works: (document.works ?? []).map((work) => this.analyzeWork(work)),
    };
    if (options.baseline) analyzed.plain = this.plain().analyze(document);
    if (words) analyzed.words = words;
    return analyzed;
  }

  private readText(text: string | undefined, fieldWeight: number, add: TermSink): void {
    if (!text) return;
    this.tokenizer.forEachTerm(text, add, fieldWeight);
  }
}

/** Sums a text's terms into a vector, and records in `words` the English word behind each stem. */
function summedInto(vector: TermVector, words?: TermWords): TermSink {
  return (term, weight, word) => {
    vector.set(term, (vector.get(term) ?? 0) + weight);
    // Chinese words behind bigrams and concepts are found again from the terms (explain.ts).
    if (words && term !== word && !HAN.test(word) && !words.has(term)) words.set(term, word);
  };
}

/** A document's term vectors, as an index stores them; plain only for a baseline index. */
export interface AnalyzedDocument {
  whole: TermVector;
  works: TermVector[];
  plain?: TermVector;
  /** With `words`: the document's own word behind each stem, bigram and concept. */
  words?: TermWords;
}

/** One document by an analyzer of its own (nothing kept between calls): for tests and one-offs. */
export function analyzeDocument(
  document: MatchDocument,
  options: { baseline?: boolean; analyzer?: Analyzer; words?: boolean } = {},
): AnalyzedDocument {
  return new DocumentAnalyzer(options.analyzer).analyzeDocument(document, options);
}

/** One document's or text's whole vector by an analyzer of its own: for tests and one-offs. */
export function analyze(document: MatchDocument | string, analyzer: Analyzer = FULL_ANALYZER): TermVector {
  return new DocumentAnalyzer(analyzer).analyze(document);
}
