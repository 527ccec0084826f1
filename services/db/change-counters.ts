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

/** The channel the counters' triggers NOTIFY on, with the counter's name as the payload. */
export const COUNTERS_CHANNEL = 'xueqi_counters';

const countedHere = new WeakMap<Database, Map<string, number>>();

/**
 * For a database that only this process writes (PGlite runs inside it): its counters are counted
 * from their notices instead of read, one statement less on every kept page. PGlite hands a notice
 * to its listeners before the write's statement or commit resolves, so whatever runs after a write
 * counts it. The counts start at 0, not at the table's values: only whether they moved matters.
 * Returns the listener to give to the database's LISTEN on COUNTERS_CHANNEL.
 */
export function countChangesHere(db: Database): (name: string) => void {
  const counts = new Map<string, number>();
  countedHere.set(db, counts);
  return (name) => counts.set(name, (counts.get(name) ?? 0) + 1);
}

async function readNow(db: Database, name: ChangeCounterName): Promise<number> {
  const [row] = await counterValue(db).execute({ name });
  return row?.value ?? 0;
}

interface CounterReads {
  underWay: Promise<number> | null;
  /** The read that starts once the one under way ends, shared by everyone who asked meanwhile. */
  following: Promise<number> | null;
}

const readsByDatabase = new WeakMap<Database, Map<ChangeCounterName, CounterReads>>();

/**
 * The counter as it stands at least as late as the call: every commit before the call is counted.
 * Callers share reads: one that arrives while a read is under way cannot use it (it may have
 * started before a commit the caller has seen), so it waits for the following read, which every
 * caller arriving meanwhile shares. Under load that is one statement for many pages, not one each.
 */
export function readChangeCounter(db: Database, name: ChangeCounterName): Promise<number> {
  const counted = countedHere.get(db);
  if (counted) return Promise.resolve(counted.get(name) ?? 0);
  let byName = readsByDatabase.get(db);
  if (!byName) {
    byName = new Map();
    readsByDatabase.set(db, byName);
  }
  let reads = byName.get(name);
  if (!reads) {
    reads = { underWay: null, following: null };
    byName.set(name, reads);
  }
  const state = reads;
  const start = (): Promise<number> => {
    const read = readNow(db, name);
    state.underWay = read;
    const ended = () => {
      if (state.underWay === read) state.underWay = null;
    };
    read.then(ended, ended);
    return read;
  };
  if (!state.underWay) return start();
  if (!state.following) {
    const settled = state.underWay.then(
      () => undefined,
      () => undefined,
    );
    state.following = settled.then(() => {
      state.following = null;
      return start();
    });
  }
  return state.following;
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
