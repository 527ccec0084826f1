/**
 * Scores every matching method on labelled sets: nDCG@10, MRR and Recall@10.
 *
 *   npm run eval:matcher                      hand-written sets, and the demo data's planted truth if seeds/ has it
 *   npm run eval:matcher -- --set file.jsonl  add a labelled set from JSONL (repeatable; see eval-loaders.ts)
 *   npm run eval:matcher -- --methods bm25,baseline
 */
import { parseArgs } from 'node:util';
import { isMethodName, MatchIndex, METHOD_NAMES, type MethodName } from '../matcher/index.js';
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

function evaluate(set: LabelledSet, methods: readonly MethodName[]): Map<MethodName, Scores> {
  const index = new MatchIndex({ baseline: true });
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', multiple: true },
      methods: { type: 'string' },
      'no-builtin': { type: 'boolean' },
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
