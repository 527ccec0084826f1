import type { DatabaseHandle, FeedChange, ListenState } from '../db/index.js';
import { CHANGES_CHANNEL, changeFeedRepository } from '../db/index.js';
import type { Logger } from '../shared/logger.js';

/** How many feed rows one read takes: large enough to coalesce an import, small enough to stay quick. */
export const FEED_BATCH_SIZE = 500;
/**
 * A reader this many changes behind rebuilds from the tables instead of reading them one batch at a
 * time: past this, a rebuild (about a second for the city) is the faster way back.
 */
export const REBUILD_WHEN_BEHIND = 20_000;
/** How often to read the feed while no connection listens, and as a safety net while one does. */
export const POLL_WHILE_DEAF_MS = 500;
export const POLL_WHILE_LISTENING_MS = 10_000;
/**
 * How often to ask whether this position was pruned from the feed while no gap says so: pruning
 * keeps a week, so only a process cut off for days can be behind it, and once a minute is plenty.
 */
const PRUNED_CHECK_MS = 60_000;
/** Back-off between failed catch-ups (the database down): doubling up to the last, forever. */
const RETRY_FIRST_DELAY_MS = 250;
const RETRY_MAX_DELAY_MS = 30_000;
/** How long a writer waits for its own process to apply its change before it renders anyway. */
export const OWN_WRITE_WAIT_MS = 2_000;

/** What one step of applying the feed changed, for whoever keeps something derived from the index. */
export interface AppliedChanges {
  /** The feed position now applied: every change up to it is in the index. */
  position: number;
  changes: FeedChange[];
  /** True when the index was rebuilt from the tables: anything may have changed. */
  rebuilt: boolean;
}

/** How to bring an index up to date: apply some changes, or rebuild it whole. */
export interface FeedTarget {
  applyChanges(changes: FeedChange[]): Promise<void>;
  /** Rebuilds from the tables; resolves with the feed position the rebuild reflects at least. */
  rebuild(): Promise<number>;
}

export interface FeedStatus {
  position: number;
  latest: number;
  /** Changes written but not yet applied here. */
  lag: number;
  /** Seconds since the oldest change not yet applied here was written; 0 when caught up. */
  lagSeconds: number;
  listening: boolean;
  rebuilds: number;
  lastError: string | null;
}

/**
 * Follows the change feed for one process: applies it in id order from the last position, at
 * start and after every wake-up, reconnect or poll; rebuilds when too far behind or when its
 * position was pruned away; retries failures with back-off forever; and lets writers wait (bounded)
 * until their own change is applied. Never throws at a caller: a failure is logged and retried.
 */
export class FeedFollower {
  private position = 0;
  private wanted = false;
  private running: Promise<void> | null = null;
  private stopped = false;
  private listening = false;
  private failures = 0;
  private rebuilds = 0;
  private lastError: string | null = null;
  private lastRead = 0;
  private prunedCheckedAt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly waiters = new Set<{ position: number; resolve: (reached: boolean) => void }>();
  private readonly appliedListeners = new Set<(applied: AppliedChanges) => void>();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly target: FeedTarget,
    private readonly logger: Logger | null,
  ) {}

  /** Listens first, so no change written during the build is missed, then builds and catches up. */
  async start(): Promise<void> {
    this.unlisten = await this.database.listen(
      CHANGES_CHANNEL,
      () => this.requestCatchUp(),
      (state) => this.onListenState(state),
    );
    this.position = await this.target.rebuild();
    this.pollTimer = setInterval(() => this.poll(), POLL_WHILE_DEAF_MS);
    this.pollTimer.unref();
    await this.requestCatchUp();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.unlisten?.();
    this.unlisten = null;
    await this.running;
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters.clear();
  }

  get appliedPosition(): number {
    return this.position;
  }

  /** Whether a connection is listening for wake-ups now (otherwise the feed is polled). */
  get isListening(): boolean {
    return this.listening;
  }

  /** Hears every applied step, in order; the returned function stops it. */
  onApplied(listener: (applied: AppliedChanges) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /**
   * Resolves true once this process has applied the feed up to `position`, or false when the wait
   * ran out (the page then says the ranking is being updated). Never rejects.
   */
  waitFor(position: number, timeoutMs = OWN_WRITE_WAIT_MS): Promise<boolean> {
    if (position <= this.position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      timer.unref();
      this.waiters.add(waiter);
      void this.requestCatchUp();
    });
  }

  /** Reads and applies whatever the feed holds beyond this process's position; coalesces calls. */
  requestCatchUp(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.wanted = true;
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
    return this.running;
  }

  async status(): Promise<FeedStatus> {
    let latest = this.position;
    let lagSeconds = 0;
    try {
      latest = await changeFeedRepository.findLatestChangeId(this.database.db);
      const oldest = await changeFeedRepository.findChangeTimeAfter(this.database.db, this.position);
      if (oldest) lagSeconds = Math.max(0, (Date.now() - oldest.getTime()) / 1000);
    } catch (error) {
      this.lastError = describe(error);
    }
    return {
      position: this.position,
      latest,
      lag: Math.max(0, latest - this.position),
      lagSeconds: Math.round(lagSeconds * 1000) / 1000,
      listening: this.listening,
      rebuilds: this.rebuilds,
      lastError: this.lastError,
    };
  }

  private onListenState(state: ListenState): void {
    if (state.listening) {
      if (!this.listening && this.lastRead > 0) this.logger?.info('listening for changes again; catching up');
      this.listening = true;
      void this.requestCatchUp();
      return;
    }
    this.listening = false;
    this.logger?.warn(
      { reason: state.reason, attempt: state.attempt, retryInMs: state.retryInMs },
      'lost the connection listening for changes; polling the feed until it is back',
    );
  }

  private poll(): void {
    const interval = this.listening ? POLL_WHILE_LISTENING_MS : POLL_WHILE_DEAF_MS;
    if (Date.now() - this.lastRead >= interval) void this.requestCatchUp();
  }

  private async drain(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      try {
        await this.catchUpOnce();
        if (this.failures > 0) this.logger?.info({ position: this.position }, 'change feed caught up again');
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        this.failures += 1;
        this.lastError = describe(error);
        const delay = Math.min(RETRY_FIRST_DELAY_MS * 2 ** (this.failures - 1), RETRY_MAX_DELAY_MS);
        this.logger?.error(
          { err: error, position: this.position, attempt: this.failures, retryInMs: delay },
          'applying the change feed failed; retrying',
        );
        if (!this.retryTimer && !this.stopped) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            void this.requestCatchUp();
          }, delay);
          this.retryTimer.unref();
        }
        return;
      }
    }
  }

  private async catchUpOnce(): Promise<void> {
    const { db } = this.database;
    this.lastRead = Date.now();
    for (;;) {
      const changes = await changeFeedRepository.findChangesAfter(db, this.position, FEED_BATCH_SIZE);
      // A gap after the position is a rolled-back writer's id, or rows pruned before they were read.
      const gap = changes.length > 0 && changes[0]!.id > this.position + 1;
      if (gap || Date.now() - this.prunedCheckedAt > PRUNED_CHECK_MS) {
        this.prunedCheckedAt = Date.now();
        if (this.position < (await changeFeedRepository.findPrunedPosition(db)))
          return this.rebuild('its position was pruned from the feed');
      }
      if (changes.length === 0) return;
      if (changes.length === FEED_BATCH_SIZE) {
        const latest = await changeFeedRepository.findLatestChangeId(db);
        if (latest - this.position > REBUILD_WHEN_BEHIND)
          return this.rebuild(`it is ${latest - this.position} changes behind`);
      }
      await this.target.applyChanges(changes);
      this.advance({ position: changes.at(-1)!.id, changes, rebuilt: false });
      if (changes.length < FEED_BATCH_SIZE) return;
    }
  }

  private async rebuild(reason: string): Promise<void> {
    this.logger?.warn({ position: this.position, reason }, 'rebuilding the matcher index from the tables');
    const position = await this.target.rebuild();
    this.rebuilds += 1;
    this.advance({ position: Math.max(position, this.position), changes: [], rebuilt: true });
    // What was written during the rebuild is read next, by the loop that asked for it.
    this.wanted = true;
  }

  private advance(applied: AppliedChanges): void {
    this.position = applied.position;
    for (const listener of this.appliedListeners) {
      try {
        listener(applied);
      } catch (error) {
        this.logger?.error({ err: error }, 'a listener to the change feed failed');
      }
    }
    for (const waiter of [...this.waiters]) if (waiter.position <= this.position) waiter.resolve(true);
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
