import { bm25, bm25Idf, type MatchDocument } from '../../matcher/index.js';
import type { LabelledSet } from './eval-types.js';

/** The classic length normalisation, whatever the matcher's own b for a kind of profile. */
const B = 0.75;
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;

/**
 * The plain method the matcher is held against: every text of a document as one, Chinese as the
 * character bigrams of each run (a one-character run as itself), other runs as lower-cased words
 * of two or more characters; no segmentation, stemming, stop words, fields or thesaurus.
 */
function plainTerms(document: MatchDocument): Map<string, number> {
  const texts = [document.title, ...(document.keywords ?? []), document.text];
  for (const work of document.works ?? []) texts.push(work.title, work.text);
  const counts = new Map<string, number>();
  const count = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const run of texts.join('\n').normalize('NFKC').toLowerCase().match(RUNS) ?? []) {
    if (!HAN.test(run)) {
      if (run.length > 1) count(run);
    } else if (run.length === 1) {
      count(run);
    } else {
      for (let index = 0; index + 1 < run.length; index++) count(run.slice(index, index + 2));
    }
  }
  return counts;
}

/**
 * Plain BM25 (the matcher's formulas of scoring.ts, k1 1.2, b 0.75) over plainTerms(): a ranker for each of the set's queries, the best
 * `limit` profile ids, ties by id. A reference row of `npm run eval:matcher`, not a method of the
 * matcher.
 */
export function plainBm25(set: LabelledSet): (query: MatchDocument, limit: number) => string[] {
  const profiles = set.profiles.map((profile) => {
    const terms = plainTerms(profile);
    let length = 0;
    for (const tf of terms.values()) length += tf;
    return { id: profile.id, terms, length };
  });
  const documentFrequency = new Map<string, number>();
  let totalLength = 0;
  for (const { terms, length } of profiles) {
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    totalLength += length;
  }
  const averageLength = totalLength / (profiles.length || 1);
  const count = profiles.length;
  return (query, limit) => {
    const queryTerms = [...plainTerms(query).keys()];
    return profiles
      .map(({ id, terms, length }) => {
        let score = 0;
        for (const term of queryTerms) {
          const tf = terms.get(term);
          if (!tf) continue;
          score += bm25Idf(count, documentFrequency.get(term)!) * bm25(tf, length, averageLength, B);
        }
        return { id, score };
      })
      .filter(({ score }) => score > 0)
      .sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1))
      .slice(0, limit)
      .map(({ id }) => id);
  };
}
