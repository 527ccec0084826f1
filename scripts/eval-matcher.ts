/**
 * Scores every matching method on labelled sets: nDCG@10, MRR and Recall@10.
 *
 *   npm run eval:matcher                      hand-written sets, and the demo data's planted truth if seeds/ has it
 *   npm run eval:matcher -- --set file.jsonl  add a labelled set from JSONL (repeatable; see eval-loaders.ts)
 *   npm run eval:matcher -- --methods bm25,baseline
 */
import { parseArgs } from 'node:util';
import {
  type Analyzer,
  constants,
  DEFAULT_METHOD,
  FULL_ANALYZER,
  isMethodName,
  MatchIndex,
  METHOD_NAMES,
  type MethodName,
} from '../matcher/index.js';
import { loadSeedsSet, readLabelledSet } from './matcher/eval-loaders.js';
import { HELD_OUT_SETS, TUNING_SETS } from './matcher/eval-sets.js';
import type { LabelledSet } from './matcher/eval-types.js';
import { ndcgAt, recallAt, reciprocalRank } from './matcher/metrics.js';

const CUTOFF = 10;

interface Scores {
  ndcg: number;
  mrr: number;
  recall: number;
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
    const total: Scores = { ndcg: 0, mrr: 0, recall: 0 };
    for (const { query, relevant } of set.queries) {
      const ranked = index.topK(query, { kind: set.kind, k: CUTOFF, method }).map((match) => match.id);
      total.ndcg += ndcgAt(ranked, relevant, CUTOFF);
      total.mrr += reciprocalRank(ranked, relevant);
      total.recall += recallAt(ranked, relevant, CUTOFF);
    }
    const count = set.queries.length || 1;
    results.set(method, { ndcg: total.ndcg / count, mrr: total.mrr / count, recall: total.recall / count });
  }
  return results;
}

function table(title: string, results: Map<MethodName, Scores>): string {
  const baseline = results.get('baseline');
  const lines = [
    `\n${title}`,
    '| method | nDCG@10 | MRR | Recall@10 | nDCG vs baseline |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [method, scores] of results) {
    const delta = baseline
      ? `${scores.ndcg >= baseline.ndcg ? '+' : ''}${(scores.ndcg - baseline.ndcg).toFixed(3)}`
      : '';
    lines.push(
      `| ${method} | ${scores.ndcg.toFixed(3)} | ${scores.mrr.toFixed(3)} | ${scores.recall.toFixed(3)} | ${delta} |`,
    );
  }
  return lines.join('\n');
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', multiple: true },
      methods: { type: 'string' },
      'no-builtin': { type: 'boolean' },
      ablation: { type: 'boolean' },
    },
  });
  const methods = values.methods ? values.methods.split(',') : [...METHOD_NAMES];
  const unknown = methods.filter((method) => !isMethodName(method));
  if (unknown.length)
    throw new Error(`unknown method ${unknown.join(', ')}; known: ${METHOD_NAMES.join(', ')}`);
  const groups: [string, LabelledSet[]][] = values['no-builtin']
    ? []
    : [
        ['tuning sets (seen while choosing constants and writing the thesaurus)', TUNING_SETS],
        ['held-out sets (written afterwards, never tuned on)', HELD_OUT_SETS],
      ];
  const external: LabelledSet[] = [];
  const seeds = await loadSeedsSet();
  if (seeds.set) external.push(seeds.set);
  else console.log(`(demo planted ground truth skipped: ${seeds.reason})`);
  for (const path of values.set ?? []) external.push(await readLabelledSet(path));
  if (external.length) groups.push(['external sets', external]);
  if (values.ablation) {
    printAblation(groups, DEFAULT_METHOD);
    return;
  }

  for (const [title, sets] of groups) {
    console.log(`\n## ${title}`);
    const average = new Map<MethodName, Scores>();
    for (const set of sets) {
      const results = evaluate(set, methods as MethodName[]);
      const size = `${set.profiles.length} profiles, ${set.queries.length} demands`;
      console.log(table(`${set.name}: ${set.description} (${size})`, results));
      for (const [method, scores] of results) {
        const sum = average.get(method) ?? { ndcg: 0, mrr: 0, recall: 0 };
        average.set(method, {
          ndcg: sum.ndcg + scores.ndcg / sets.length,
          mrr: sum.mrr + scores.mrr / sets.length,
          recall: sum.recall + scores.recall / sets.length,
        });
      }
    }
    console.log(table(`macro-average over the ${sets.length} ${title.split(' (')[0]}`, average));
  }
}

main().catch((error: Error) => {
  console.error(`eval:matcher: ${error.message}`);
  process.exit(1);
});
