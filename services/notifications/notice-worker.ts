import type { Database } from '../db/index.js';
import type { MailSender } from '../mail/index.js';
import type { Logger } from '../shared/logger.js';
import { queueDueDigests } from './digests.service.js';
import { noticeMilestonesFallingDue } from './milestone-notices.service.js';

/** How often the worker sends what is due and composes digests. */
export const NOTICE_WORKER_INTERVAL_MS = 15_000;
/** Milestones change by the day: looking hourly is plenty. */
const MILESTONE_SCAN_INTERVAL_MS = 60 * 60 * 1000;

export interface NoticeWorker {
  /** Runs one pass now (the loop's own passes wait for it). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The background part of notices, run by every web process: milestone notices, daily digests and,
 * when SMTP is configured, the outbox's sender. Every step is safe to run in several processes at once.
 */
export function startNoticeWorker(options: {
  db: Database;
  sender: MailSender | null;
  logger: Logger;
  intervalMs?: number;
}): NoticeWorker {
  const { db, sender, logger } = options;
  let lastMilestoneScan = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const pass = async () => {
    if (Date.now() - lastMilestoneScan >= MILESTONE_SCAN_INTERVAL_MS) {
      lastMilestoneScan = Date.now();
      const written = await noticeMilestonesFallingDue(db);
      if (written) logger.info({ written }, 'milestone notices written');
    }
    const digests = await queueDueDigests(db);
    if (digests) logger.info({ digests }, 'digests queued');
    if (sender) {
      const outcome = await sender.sendDue();
      if (outcome.sent || outcome.failed || outcome.retried) logger.info(outcome, 'outbox sent');
    }
  };
  const runOnce = () => {
    running = running
      .then(pass)
      .catch((error: unknown) => logger.error({ err: error }, 'notice worker pass failed'));
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void runOnce();
  }, options.intervalMs ?? NOTICE_WORKER_INTERVAL_MS);
  timer.unref();
  // A first pass at once: mail queued while no process was running goes out without waiting.
  void runOnce();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
