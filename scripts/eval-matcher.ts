/**
 * Scores every matching method on labelled sets: nDCG@10, MRR and Recall@10.
 *
 *   npm run eval:matcher                      the real sets of shared/tuning/ (found among the
 *                                             checkout's parent folders, or --tuning DIR; --no-tuning
 *                                             skips them), the demo data's planted truth, the
 *                                             hand-written and held-out sets (--no-builtin skips)
 *   npm run eval:matcher -- --set file.jsonl  add a labelled set from JSONL (repeatable; see eval-loaders.ts)
 *   npm run eval:matcher -- --methods bm25,baseline
 *   npm run eval:matcher -- --ablation        the analysis variants, method DEFAULT_METHOD
 */
import { parseArgs } from 'node:util';
import {
  type Analyzer,
  constants,
  DEFAULT_METHOD,
  FULL_ANALYZER,
  isMethodName,
  type MatchDocument,
  MatchIndex,
  METHOD_NAMES,
  type MethodName,
} from '../matcher/index.js';
import { loadSeedsSet, readLabelledSet, readTuningSets, type TuningSets } from './matcher/eval-loaders.js';
import { HELD_OUT_SETS, TUNING_SETS } from './matcher/eval-sets.js';
import type { LabelledSet } from './matcher/eval-types.js';
import { printExplanationQuality } from './matcher/explanation-quality.js';
import { ndcgAt, recallAt, reciprocalRank } from './matcher/metrics.js';
import { plainBm25 } from './matcher/plain-bm25.js';

const CUTOFF = 10;
/** The reference row: plain BM25 of plain-bm25.ts, printed under the matcher's methods. */
const PLAIN_BM25 = 'plain-bm25';

interface Scores {
  ndcg: number;
  mrr: number;
  recall: number;
}

/** Mean nDCG@10, MRR and Recall@10 of a ranker over a set's queries. */
function scoreRanker(set: LabelledSet, rank: (query: MatchDocument) => string[]): Scores {
  const total: Scores = { ndcg: 0, mrr: 0, recall: 0 };
  for (const { query, relevant } of set.queries) {
    const ranked = rank(query);
    total.ndcg += ndcgAt(ranked, relevant, CUTOFF);
    total.mrr += reciprocalRank(ranked, relevant);
    total.recall += recallAt(ranked, relevant, CUTOFF);
  }
  const count = set.queries.length || 1;
  return { ndcg: total.ndcg / count, mrr: total.mrr / count, recall: total.recall / count };
}

function evaluate(
  set: LabelledSet,
  methods: readonly MethodName[],
  analyzer?: Analyzer,
): Map<MethodName, Scores> {
  const index = new MatchIndex(analyzer ? { baseline: true, analyzer } : { baseline: true });
  for (const profile of set.profiles) index.add(profile);
  const results = new Map<MethodName, Scores>();
  for (const method of methods) {
    const rank = (query: MatchDocument) =>
      index.topK(query, { kind: set.kind, k: CUTOFF, method }).map((match) => match.id);
    results.set(method, scoreRanker(set, rank));
  }
  return results;
}

/** Analysis variants for --ablation: each changes one thing of the default analyzer. */
function ablations(): [string, Analyzer][] {
  const full = FULL_ANALYZER;
  const tokens = (change: Partial<Analyzer['tokens']>): Analyzer => ({
    ...full,
    tokens: { ...full.tokens, ...change },
  });
  return [
    ['default (all below on)', full],
    ['no character bigrams', tokens({ bigramWeight: 0 })],
    ['bigram weight 0.25', tokens({ bigramWeight: 0.25 })],
    ['bigram weight 1', tokens({ bigramWeight: 1 })],
    ['no sub-words', tokens({ subwordWeight: 0 })],
    ['sub-word weight 1', tokens({ subwordWeight: 1 })],
    ['no thesaurus concepts', tokens({ conceptWeight: 0 })],
    ['concept weight 0.5', tokens({ conceptWeight: 0.5 })],
    ['concept weight 1.5', tokens({ conceptWeight: 1.5 })],
    ['no domain dictionary in jieba', tokens({ domainDictionary: false })],
    ['no field weights', { ...full, fieldWeights: false }],
    [
      'words only (the baseline analysis)',
      {
        tokens: { bigramWeight: 0, subwordWeight: 0, conceptWeight: 0, domainDictionary: false },
        fieldWeights: false,
      },
    ],
  ];
}

function printAblation(groups: [string, LabelledSet[]][], method: MethodName): void {
  console.log(`\n## ablation of the analysis, method ${method} (nDCG@10 / MRR, macro-averaged)`);
  console.log(`| variant | ${groups.map(([title]) => title.split(' (')[0]).join(' | ')} |`);
  console.log(`| --- | ${groups.map(() => '---').join(' | ')} |`);
  for (const [name, analyzer] of ablations()) {
    const cells = groups.map(([, sets]) => {
      const scores = sets.map((set) => evaluate(set, [method], analyzer).get(method)!);
      const mean = (pick: (score: Scores) => number) =>
        scores.reduce((sum, score) => sum + pick(score), 0) / scores.length;
      return `${mean((score) => score.ndcg).toFixed(3)} / ${mean((score) => score.mrr).toFixed(3)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  console.log(
    `(defaults: bigram ${constants.BIGRAM_WEIGHT}, sub-word ${constants.SUBWORD_WEIGHT}, concept ${constants.CONCEPT_WEIGHT})`,
  );
}

/** A column of the summary table: one set, or the macro-average of several. */
interface Column {
  title: string;
  sets: LabelledSet[];
}

function cell(scores: Scores): string {
  return `${scores.ndcg.toFixed(3)} / ${scores.mrr.toFixed(3)} / ${scores.recall.toFixed(3)}`;
}

function macroAverage<Row>(results: Map<Row, Scores>[], method: Row): Scores {
  const sum: Scores = { ndcg: 0, mrr: 0, recall: 0 };
  for (const result of results) {
    const scores = result.get(method)!;
    sum.ndcg += scores.ndcg / results.length;
    sum.mrr += scores.mrr / results.length;
    sum.recall += scores.recall / results.length;
  }
  return sum;
}

/**
 * One table, methods by columns of sets: each real set, their macro-average (what the default is
 * chosen by), then the regression sets (demo-planted, hand-written, held-out) and any --set file.
 */
function printSummary(columns: Column[], methods: readonly MethodName[]): void {
  const results = new Map<LabelledSet, Map<MethodName | typeof PLAIN_BM25, Scores>>();
  for (const column of columns) {
    for (const set of column.sets) {
      if (results.has(set)) continue;
      const scores: Map<MethodName | typeof PLAIN_BM25, Scores> = evaluate(set, methods);
      const plain = plainBm25(set);
      scores.set(
        PLAIN_BM25,
        scoreRanker(set, (query) => plain(query, CUTOFF)),
      );
      results.set(set, scores);
    }
  }
  console.log('\nnDCG@10 / MRR / Recall@10 (macro-averages in bold column titles)');
  console.log(`| method | ${columns.map((column) => column.title).join(' | ')} |`);
  console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`);
  for (const method of [...methods, PLAIN_BM25]) {
    const cells = columns.map((column) =>
      cell(
        macroAverage(
          column.sets.map((set) => results.get(set)!),
          method,
        ),
      ),
    );
    const label =
      method === DEFAULT_METHOD
        ? `**${method}** (default)`
        : method === PLAIN_BM25
          ? 'plain BM25 (reference: character bigrams, words; nothing else)'
          : method;
    console.log(`| ${label} | ${cells.join(' | ')} |`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', multiple: true },
      methods: { type: 'string' },
      tuning: { type: 'string' },
      'no-tuning': { type: 'boolean' },
      'no-builtin': { type: 'boolean' },
      ablation: { type: 'boolean' },
    },
  });
  const methods = values.methods ? values.methods.split(',') : [...METHOD_NAMES];
  const unknown = methods.filter((method) => !isMethodName(method));
  if (unknown.length)
    throw new Error(`unknown method ${unknown.join(', ')}; known: ${METHOD_NAMES.join(', ')}`);
  const real: TuningSets = values['no-tuning']
    ? { sets: [], reason: '--no-tuning' }
    : await readTuningSets(values.tuning);
  const columns: Column[] = real.sets.map((set) => ({ title: set.name, sets: [set] }));
  if (real.sets.length > 1) columns.push({ title: `**real (${real.sets.length}) macro**`, sets: real.sets });
  if (real.reason) console.log(`(real tuning sets skipped: ${real.reason})`);
  else console.log(`(real tuning sets from ${real.folder})`);
  const seeds = await loadSeedsSet();
  if (seeds.set) columns.push({ title: 'demo-planted', sets: [seeds.set] });
  else console.log(`(demo planted ground truth skipped: ${seeds.reason})`);
  if (!values['no-builtin']) {
    columns.push({ title: `**hand-written (${TUNING_SETS.length})**`, sets: TUNING_SETS });
    columns.push({ title: `**held-out (${HELD_OUT_SETS.length})**`, sets: HELD_OUT_SETS });
  }
  for (const path of values.set ?? []) {
    const set = await readLabelledSet(path);
    columns.push({ title: set.name, sets: [set] });
  }
  if (values.ablation) {
    const groups: [string, LabelledSet[]][] = columns
      .filter((column) => column.sets.length > 1 || column.title === 'demo-planted')
      .map((column) => [column.title.replaceAll('*', ''), column.sets]);
    printAblation(groups, DEFAULT_METHOD);
    return;
  }
  printSummary(columns, methods as MethodName[]);
  if (seeds.set) printExplanationQuality(seeds.set);
}

main().catch((error: Error) => {
  console.error(`eval:matcher: ${error.message}`);
  process.exit(1);
});
