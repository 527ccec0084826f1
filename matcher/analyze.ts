import { KEYWORD_WEIGHT, TITLE_WEIGHT, WORK_TITLE_WEIGHT, WORKS_IN_PROFILE_WEIGHT } from './constants.js';
import { FULL_ANALYSIS, forEachTerm, type TokenizeOptions, WORDS_ONLY } from './tokenize.js';
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

function addText(
  vector: TermVector,
  text: string | undefined,
  weight: number,
  analyzer: Analyzer,
  words?: TermWords,
): void {
  if (!text) return;
  forEachTerm(text, analyzer.tokens, (term, termWeight, word) => {
    vector.set(term, (vector.get(term) ?? 0) + termWeight * weight);
    // Chinese words behind bigrams and concepts are found again from the terms (explain.ts).
    if (words && term !== word && !HAN.test(word) && !words.has(term)) words.set(term, word);
  });
}

/** A work as its own small document: its title above its text. */
export function analyzeWork(work: MatchWork, analyzer: Analyzer = FULL_ANALYZER): TermVector {
  const vector: TermVector = new Map();
  addText(vector, work.title, analyzer.fieldWeights ? WORK_TITLE_WEIGHT : 1, analyzer);
  addText(vector, work.text, 1, analyzer);
  return vector;
}

/**
 * A whole document: title and keywords above free text, and its works folded in at
 * WORKS_IN_PROFILE_WEIGHT so that a long list of papers does not drown the profile's own words.
 */
export function analyze(
  document: MatchDocument | string,
  analyzer: Analyzer = FULL_ANALYZER,
  words?: TermWords,
): TermVector {
  const vector: TermVector = new Map();
  if (typeof document === 'string') {
    addText(vector, document, 1, analyzer, words);
    return vector;
  }
  const weighted = analyzer.fieldWeights;
  addText(vector, document.title, weighted ? TITLE_WEIGHT : 1, analyzer, words);
  if (document.keywords)
    addText(vector, document.keywords.join(' ; '), weighted ? KEYWORD_WEIGHT : 1, analyzer, words);
  addText(vector, document.text, 1, analyzer, words);
  for (const work of document.works ?? []) {
    const workWeight = weighted ? WORKS_IN_PROFILE_WEIGHT : 1;
    addText(vector, work.title, workWeight * (weighted ? WORK_TITLE_WEIGHT : 1), analyzer, words);
    addText(vector, work.text, workWeight, analyzer, words);
  }
  return vector;
}

/** A document's term vectors, as an index stores them; plain only for a baseline index. */
export interface AnalyzedDocument {
  whole: TermVector;
  works: TermVector[];
  plain?: TermVector;
  /** With `words`: the document's own word behind each stem, bigram and concept. */
  words?: TermWords;
}

/**
 * Analyses a document for an index: whole, each work, and with `baseline` the words-only view
 * the baseline method reads. Pure, so it can run in a worker thread (see encoded.ts).
 */
export function analyzeDocument(
  document: MatchDocument,
  options: { baseline?: boolean; analyzer?: Analyzer; words?: boolean } = {},
): AnalyzedDocument {
  const analyzer = options.analyzer ?? FULL_ANALYZER;
  const words: TermWords | undefined = options.words ? new Map() : undefined;
  const analyzed: AnalyzedDocument = {
    whole: analyze(document, analyzer, words),
    works: (document.works ?? []).map((work) => analyzeWork(work, analyzer)),
  };
  if (options.baseline) analyzed.plain = analyze(document, PLAIN_ANALYZER);
  if (words) analyzed.words = words;
  return analyzed;
}
