import type { Database, DatabaseHandle, FeedChange } from '../db/index.js';
import { changeFeedRepository } from '../db/index.js';
import type { Logger } from '../shared/logger.js';
import { FEED_BATCH_SIZE } from './feed-follower.js';
import { type MatchingService, SUGGESTIONS_PER_KIND } from './matching.service.js';
import { findIndexedDemandIds } from './suggestions.repository.js';
import { type SavedTopPairs, saveDemandTopPairs } from './suggestions.service.js';

/** How often to try again when another process held the worker's cursor, or nothing woke this one. */
const RECHECK_MS = 2_000;
/** Back-off after a failed run (the database down): doubling up to the last, forever. */
const RETRY_FIRST_DELAY_MS = 500;
const RETRY_MAX_DELAY_MS = 30_000;
/** Feed rows older than this, and already applied to suggestions, are pruned. */
export const FEED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** Pruning is a delete over the oldest rows: once in this many runs is plenty. */
const PRUNE_EVERY_RUNS = 200;

/** Above this many changed demands, the worker reads every published demand instead of naming each. */
const MAX_DEMAND_IDS_ASKED = 5_000;

type RunOutcome = 'idle' | 'busy' | 'more' | 'done';

/**
 * Keeps `match_candidates` current from the change feed: after a demand is published, edited or
 * imported, or a profile changes, it recomputes the affected demands' top pairs. One worker at a
 * time across every process: it holds the shared cursor row (FOR UPDATE SKIP LOCKED) for its run,
 * so another process skips rather than computing the same demands again. It moves the cursor only
 * as far as its own process's index has applied the feed, so it always ranks with what it read.
 */
export class SuggestionWorker {
  private wanted = false;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private runs = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  private readonly savedListeners = new Set<(saved: SavedTopPairs[]) => void>();

  private constructor(
    private readonly database: DatabaseHandle,
    private readonly matching: MatchingService,
    private readonly logger: Logger | null,
    private readonly perKind: number,
  ) {
    this.unsubscribe = matching.onApplied(() => void this.poke());
  }

  static start(
    database: DatabaseHandle,
    matching: MatchingService,
    options: { logger?: Logger | null; perKind?: number } = {},
  ): SuggestionWorker {
    const worker = new SuggestionWorker(
      database,
      matching,
      options.logger ?? null,
      options.perKind ?? SUGGESTIONS_PER_KIND,
    );
    void worker.poke();
    return worker;
  }

  /** Hears the demands whose top pairs a run wrote, after its transaction committed. */
  onSaved(listener: (saved: SavedTopPairs[]) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  /** Runs until the shared cursor reaches this process's index position, or another process holds it. */
  poke(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.wanted = true;
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private later(delay: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poke();
    }, delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      let outcome: RunOutcome;
      try {
        outcome = await this.runOnce();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const delay = Math.min(RETRY_FIRST_DELAY_MS * 2 ** (this.failures - 1), RETRY_MAX_DELAY_MS);
        this.logger?.error(
          { err: error, attempt: this.failures, retryInMs: delay },
          'suggestion run failed; retrying',
        );
        this.later(delay);
        return;
      }
      if (outcome === 'more') this.wanted = true;
      // Another process is working; what this one has applied may lie beyond where it stops.
      if (outcome === 'busy') this.later(RECHECK_MS);
    }
  }

  private async runOnce(): Promise<RunOutcome> {
    const target = this.matching.position;
    const saved: SavedTopPairs[] = [];
    const outcome = await this.database.db.transaction(async (tx): Promise<RunOutcome> => {
      const cursor = await changeFeedRepository.lockCursorIfFree(tx, changeFeedRepository.SUGGESTIONS_CURSOR);
      if (cursor === null) return 'busy';
      if (cursor >= target) return 'idle';
      const pruned = await changeFeedRepository.findPrunedPosition(tx);
      const changes =
        cursor < pruned
          ? null
          : (await changeFeedRepository.findChangesAfter(tx, cursor, FEED_BATCH_SIZE)).filter(
              (change) => change.id <= target,
            );
      const reached = changes && changes.length > 0 ? changes.at(-1)!.id : target;
      for (const demandId of await this.affectedDemands(tx, changes))
        saved.push(await saveDemandTopPairs(tx, this.matching, demandId, this.perKind));
      await changeFeedRepository.moveCursor(tx, changeFeedRepository.SUGGESTIONS_CURSOR, reached);
      this.runs += 1;
      if (this.runs % PRUNE_EVERY_RUNS === 0)
        await changeFeedRepository.pruneChanges(tx, new Date(Date.now() - FEED_RETENTION_MS), reached);
      return reached < target ? 'more' : 'done';
    });
    if (saved.length > 0) {
      this.logger?.debug({ demands: saved.length, position: target }, 'suggestions recomputed');
      for (const listener of this.savedListeners) listener(saved);
    }
    return outcome;
  }

  /**
   * The demands whose top pairs may have changed. A changed demand is its own; a changed profile
   * can enter or leave any demand's top, so every demand the index ranks for is recomputed (107 in
   * the city: tens of milliseconds). Null changes (the cursor's rows were pruned) means every demand.
   */
  private async affectedDemands(tx: Database, changes: FeedChange[] | null): Promise<number[]> {
    if (changes === null || changes.some((change) => change.entity !== 'demand'))
      return findIndexedDemandIds(tx, 'all');
    const ids = [...new Set(changes.flatMap((change) => change.ids))];
    // An import of thousands of demands: asking for all is cheaper than a query with every id.
    return findIndexedDemandIds(tx, ids.length > MAX_DEMAND_IDS_ASKED ? 'all' : ids);
  }
}
