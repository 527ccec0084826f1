import { eq, sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { preparedPerDatabase } from './prepared.js';
import { changeCounters } from './schema/change-feed.js';

/**
 * The counters migration 0007 keeps: `pairs` is raised by every commit that writes a pair or what a
 * pair shows (its agreement, its demand and firm, its team or faculty member and their university).
 */
export type ChangeCounterName = 'pairs';

/** Answers kept under one value of a counter, per database: enough for every filter staff combine. */
const ANSWERS_KEPT = 500;

const counterValue = preparedPerDatabase((db) =>
  db
    .select({ value: changeCounters.value })
    .from(changeCounters)
    .where(eq(changeCounters.name, sql.placeholder('name')))
    .prepare('change_counter'),
);

export async function readChangeCounter(db: Database, name: ChangeCounterName): Promise<number> {
  const [row] = await counterValue(db).execute({ name });
  return row?.value ?? 0;
}

/**
 * Answers built from the tables a change counter watches, kept while the counter reads the same:
 * one read of a single row stands for the whole answer. Every commit to a watched table raises the
 * counter in that same commit, so the first read after any write, in any process, misses and
 * builds afresh, and an answer is never older than the counter it is kept under (it was built
 * after the counter was read). Kept per database object, so tests on many databases never mix.
 */
export class KeptWhileUnchanged<Value> {
  private readonly kept = new WeakMap<Database, { value: number; answers: Map<string, Promise<Value>> }>();

  constructor(private readonly counter: ChangeCounterName) {}

  /** `key` must name everything the answer depends on besides the watched tables. */
  async get(db: Database, key: string, build: () => Promise<Value>): Promise<Value> {
    const value = await readChangeCounter(db, this.counter);
    let kept = this.kept.get(db);
    if (!kept || kept.value < value) {
      kept = { value, answers: new Map() };
      this.kept.set(db, kept);
    }
    // A request that read the counter before another raised what is kept only builds for itself.
    if (kept.value !== value) return build();
    const known = kept.answers.get(key);
    if (known) return known;
    const { answers } = kept;
    const answer = build();
    if (answers.size >= ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
    answers.set(key, answer);
    answer.catch(() => {
      if (answers.get(key) === answer) answers.delete(key);
    });
    return answer;
  }
}
