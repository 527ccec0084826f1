/**
 * Every tunable of the matcher, in one place. Defaults were chosen by `npm run eval:matcher`
 * on the tuning sets (see DESIGN.md); ranges are where quality stays within a few points.
 */

/** Weight of a CJK character bigram relative to a jieba word. Default 0.5, range 0.25–1. */
export const BIGRAM_WEIGHT = 0.5;

/**
 * Weight of the finer words jieba's search mode adds inside a long word (复合 and 材料 inside
 * 复合材料). Default 0.5, range 0.25–1.
 */
export const SUBWORD_WEIGHT = 0.5;

/**
 * Weight of a thesaurus concept term (thesaurus.ts), added once per word that names it.
 * Default 1, range 0.5–1.5; 0 turns the thesaurus off.
 */
export const CONCEPT_WEIGHT = 1;

/** Weight of a document's title field relative to free text. Default 2, range 1–4. */
export const TITLE_WEIGHT = 2;

/** Weight of keywords / research directions relative to free text. Default 2, range 1–4. */
export const KEYWORD_WEIGHT = 2;

/** Weight of a work's title inside the work (and inside the whole profile). Default 1.5, range 1–3. */
export const WORK_TITLE_WEIGHT = 1.5;

/** Weight of the works' text when folded into the whole-profile document. Default 0.5, range 0.25–1. */
export const WORKS_IN_PROFILE_WEIGHT = 0.5;

/** BM25 term-frequency saturation. Default 1.2, range 0.8–2. */
export const BM25_K1 = 1.2;

/**
 * BM25 length normalisation of documents that are one text: results, demands, works. Default
 * 0.75, range 0.6–0.9 (measured on the real sets: 0.6–0.75 within 0.003 nDCG on abstracts).
 */
export const BM25_B = 0.75;

/**
 * BM25 length normalisation of faculty and teams, whose documents fold in their works: there a
 * long document is more evidence (more papers), not a wordier one, so length is forgiven more.
 * Default 0.3, range 0.2–0.4 (real expert sets: b 0.75 → 0.3 is +0.057 and +0.015 nDCG@10).
 */
export const BM25_B_PROFILES_WITH_WORKS = 0.3;

/**
 * Share of a per-work method's score that comes from the whole profile; the rest comes from
 * the aggregate of the profile's works. Default 0.6, range 0.4–0.8.
 */
export const WHOLE_PROFILE_SHARE = 0.6;

/** How many best works "mean of the best few" averages. Default 3, range 2–5. */
export const BEST_WORKS_COUNT = 3;

/** Default number of results of topK. */
export const DEFAULT_K = 10;

/** With diversity on, at most this many results per team in the top k. Default 2, range 1–3. */
export const MAX_PER_TEAM = 2;

/**
 * Query terms whose document frequency exceeds this fraction of the collection are skipped:
 * they carry almost no idf and cost the longest posting lists. Default 0.5, range 0.2–1.
 */
export const MAX_QUERY_TERM_DF_RATIO = 0.5;

/** Terms of an explanation: at most this many, each at least MIN_TERM_SHARE of the score. */
export const EXPLAIN_TERMS = 5;

/** Smallest share of a score a term must carry to be named in an explanation. Default 0.03. */
export const MIN_TERM_SHARE = 0.03;

/** Quantum of stored document lengths, so running totals stay exact under add/remove. */
export const LENGTH_QUANTUM = 1 / 256;

/**
 * Pseudo-relevance feedback (method bm25-prf): documents read from the first ranking. Default 5,
 * range 3–10 (real sets: 3, 5 and 10 within 0.001 macro nDCG@10).
 */
export const FEEDBACK_DOCUMENTS = 5;

/**
 * Feedback reads a collection only from this many documents up: its FEEDBACK_DOCUMENTS best must
 * be a thin top slice (5%), not a quarter of a 20-profile set, whose terms are then the
 * collection's own and only pull the query towards the neighbours. Measured: on the 20–52
 * profile regression sets feedback cost 0.035 nDCG@10 (held-out) without this; the real sets
 * (193 profiles up) are unchanged. Default 100, range 50–200.
 */
export const FEEDBACK_MIN_DOCUMENTS = 100;

/** Terms the feedback may add to (or reinforce in) the query. Default 50, range 30–100. */
export const FEEDBACK_TERMS = 50;

/**
 * Share of the expanded query's mass kept on the demand's own terms. Default 0.7, range 0.6–0.8;
 * at 0.5 the added terms drown claims and titles (SciFact −0.02 nDCG@10).
 */
export const FEEDBACK_QUERY_SHARE = 0.7;

/**
 * A term is generic, and never shown as a reason, when it is in at least this share of the
 * documents of every group (a kind, or a kind's chain) of at least GENERIC_MIN_GROUP documents.
 * Default 0.15, range 0.1–0.3. Generic terms still score: idf already weighs them down.
 */
export const GENERIC_DOCUMENT_SHARE = 0.15;

/** Groups smaller than this say nothing about genericness and are not counted. Default 10. */
export const GENERIC_MIN_GROUP = 10;

/** With diversity on, this many times k candidates are ranked before teams are thinned out. */
export const DIVERSITY_POOL_FACTOR = 5;

/**
 * Below this many documents a collection skips no query term however common: the df ratio of
 * a small collection says little, and its posting lists cost nothing.
 */
export const MIN_DOCUMENTS_FOR_PRUNING = 1000;

/** Frequency given to domain terms in jieba's dictionary: high enough to keep them whole. */
export const DOMAIN_TERM_FREQUENCY = 3000;

/** Entries of each per-word cache of a tokenizer; a full cache is emptied and refilled. */
export const MAX_WORD_CACHE = 200_000;

/**
 * Smallest capacity of a collection's per-slot and per-term arrays, and the number of removed
 * slots tolerated before a rebuild: below it, growing or compacting costs more than it saves.
 */
export const MIN_TABLE_SIZE = 1024;
