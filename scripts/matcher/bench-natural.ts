import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
// natural's main entry prints to stdout at import; its TfIdf module alone does not.
import TfIdf from 'natural/lib/natural/tfidf/tfidf.js';

/**
 * Per-query milliseconds of natural's TfIdf on the same corpus, given the same tokens as the
 * matcher (so only the engines differ): top 10 from tfidfs(), which scores every document.
 */
export async function naturalQueryTimes(
  path: string,
  queries: string[],
  terms: (text: string) => string[],
): Promise<number[]> {
  const engine = new TfIdf();
  for await (const line of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (!line) continue;
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    engine.addDocument(terms(text), id);
  }
  const times = queries.map((query) => {
    const queryTerms = terms(query);
    const started = performance.now();
    const scores = engine.tfidfs(queryTerms);
    scores
      .map((score, position) => [score, position] as const)
      .sort((left, right) => right[0] - left[0])
      .slice(0, 10);
    return performance.now() - started;
  });
  return times.sort((left, right) => left - right);
}
