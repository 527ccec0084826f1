import type { Database } from '../db/index.js';
import { todayInCity } from '../shared/city-date.js';
import { notifyMilestone } from './notice-events.js';
import { findOpenMilestonesDueBy } from './notifications.repository.js';

/** A milestone is told of once when it comes within this many days of its date, and once when it passes it. */
export const MILESTONE_WARNING_DAYS = 7;

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/**
 * Looks at every open milestone due within 7 days or already past, and writes the notices not
 * written yet (each notice's once-key makes a second look, or a second process, write nothing).
 */
export async function noticeMilestonesFallingDue(db: Database, now: Date = new Date()): Promise<number> {
  const today = todayInCity(now);
  return db.transaction(async (tx) => {
    let written = 0;
    for (const milestone of await findOpenMilestonesDueBy(tx, addDays(today, MILESTONE_WARNING_DAYS))) {
      written += await notifyMilestone(tx, {
        milestoneId: milestone.id,
        collaborationId: milestone.collaborationId,
        title: milestone.title,
        dueOn: milestone.dueOn,
        overdue: milestone.dueOn < today,
      });
    }
    return written;
  });
}
