export type ProfileKind = 'faculty' | 'team' | 'result';
export type DocumentKind = ProfileKind | 'demand';

/** A paper, patent, project or result of a profile; a team carries its members' works too. */
export interface MatchWork {
  title: string;
  text: string;
  year?: number;
  kind?: string;
}

export interface MatchAttributes {
  chain?: string;
  university?: string;
  title?: string;
  doctoralSupervisor?: boolean;
  team?: string;
}

export interface MatchDocument {
  /** Unique in an index, e.g. 'faculty:12', 'team:3', 'demand:40'. */
  id: string;
  kind: DocumentKind;
  /** Weighted above free text. */
  title?: string;
  /** Research directions or keywords, weighted above free text. */
  keywords?: string[];
  /** Free text: description, biography. */
  text: string;
  works?: MatchWork[];
  attributes?: MatchAttributes;
}

/**
 * A reason and its share of a pair's score, 0..1. `term` is what a reader is shown: a word of the
 * profile's text ("composites", 碳纤维); "固化 ≈ curing" when the two texts name one concept
 * of the thesaurus in different words (`via` 'thesaurus'); "+预浸料" for a word the demand lacks
 * that pseudo-relevance feedback added from the best-matching profiles (`via` 'feedback').
 */
export interface MatchTerm {
  term: string;
  share: number;
  via?: 'thesaurus' | 'feedback';
}

export interface MatchEvidence {
  title: string;
  year?: number;
  kind?: string;
  score: number;
}

export interface RankedMatch {
  id: string;
  kind: DocumentKind;
  score: number;
  terms: MatchTerm[];
  evidence: MatchEvidence | null;
}

export const METHOD_NAMES = [
  'baseline',
  'tfidf',
  'bm25',
  'tfidf-max',
  'tfidf-mean',
  'tfidf-top3',
  'bm25-max',
  'bm25-mean',
  'bm25-top3',
  'bm25-prf',
] as const;

/**
 * How a pair is scored. `baseline` is TF-IDF cosine of whole profiles over jieba words and
 * English stems (the Toronto Paper Matching System's way); `tfidf` and `bm25` add sub-words,
 * bigrams and field weights; a suffix max, mean or top3 also scores each work and mixes in the
 * works' max, mean or mean of the best three; `bm25-prf` (the default) is BM25 with the query
 * expanded from its first ranking's best documents (feedback.ts).
 */
export type MethodName = (typeof METHOD_NAMES)[number];

export interface MatchFilters {
  chain?: string | string[];
  university?: string | string[];
  title?: string | string[];
  doctoralSupervisor?: boolean;
}

export interface TopKOptions {
  kind: DocumentKind;
  k?: number;
  filters?: MatchFilters;
  /** At most MAX_PER_TEAM results per team in the top k. */
  diversity?: boolean;
  method?: MethodName;
}

export function isMethodName(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}
