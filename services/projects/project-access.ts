import { chainOfStaff } from '../admin/index.js';
import type { Database } from '../db/index.js';
import { ForbiddenError } from '../shared/errors.js';
import type { User } from '../users/index.js';

export const isBureau = (user: User) => user.role === 'staff' || user.role === 'admin';

/**
 * Who may act on a chain's projects: an administrator, or staff of that chain's task force. Staff of
 * another chain may read the library but not decide for a chain that is not theirs.
 */
export async function assertActsForChain(db: Database, user: User, chainCode: string): Promise<void> {
  if (user.role === 'admin') return;
  if (user.role === 'staff' && (await chainOfStaff(db, user.staffId)) === chainCode) return;
  throw new ForbiddenError('only the task force of the project’s chain may do this', {
    chain: 'project.otherChain',
  });
}
