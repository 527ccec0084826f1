export {
  type AnalyzedDocument,
  type Analyzer,
  analyze,
  analyzeDocument,
  DocumentAnalyzer,
  FULL_ANALYZER,
  PLAIN_ANALYZER,
  type TermVector,
} from './analyze.js';
export { Collection, type ScoredSlots } from './collection.js';
export * as constants from './constants.js';
export { DOMAIN_TERMS, listDomainTerms } from './domain-terms.js';
export {
  BatchEncoder,
  BatchLoader,
  type DocumentHead,
  type EncodedBatch,
  type EncodedVector,
  transferables,
} from './encoded.js';
export { foldTerms } from './explain.js';
export { type IndexSnapshot, MatchIndex, type MatchIndexOptions } from './match-index.js';
export { DEFAULT_METHOD } from './methods.js';
export { type PostingsHelper, type PostingsJob, writePostings } from './postings.js';
export { bm25, bm25Idf, cosine, idf, type ScoringModel, sublinear } from './scoring.js';
export { displayTerm, normalize, prepareAnalysis, type Token, Tokenizer, tokenize } from './tokenize.js';
export * from './types.js';
export { Vocabulary } from './vocabulary.js';
