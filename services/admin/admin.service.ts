import { type Actor, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import { CHAIN_CODES, type ChainCode } from '../shared/enums.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { refuseToRemoveAdministration } from '../users/index.js';
import {
  findChainOfStaff,
  findStaffMembers,
  insertStaffMember,
  lockStaffMember,
  lockUser,
  setStaffChain,
  setUserRole,
} from './admin.repository.js';

export const listStaffMembers = findStaffMembers;

/** The chain whose task force a staff member is on, if any: where their queue and dashboard open. */
export async function chainOfStaff(db: Database, staffId: number | null): Promise<ChainCode | null> {
  if (staffId === null) return null;
  return (await findChainOfStaff(db, staffId)) as ChainCode | null;
}

export function isChainCode(value: unknown): value is ChainCode {
  return typeof value === 'string' && (CHAIN_CODES as readonly string[]).includes(value);
}

/** Puts a staff member on a chain's task force, or on none (empty value). */
export async function assignStaffToChain(
  db: Database,
  actor: Actor,
  staffId: number,
  chain: unknown,
): Promise<void> {
  const chainCode = chain === '' || chain === null || chain === undefined ? null : chain;
  if (chainCode !== null && !isChainCode(chainCode))
    throw new ValidationError('unknown chain', { chainCode: 'validation.choose' });
  await withDomainErrors(() =>
    db.transaction(async (tx) => {
      const member = await lockStaffMember(tx, staffId);
      if (!member) throw new NotFoundError('no such staff member');
      await setStaffChain(tx, staffId, chainCode);
      await insertAuditEntries(tx, actor, [
        {
          action: 'staff.chain_assigned',
          entityType: 'staff',
          entityId: staffId,
          before: { chainCode: member.chainCode },
          after: { chainCode },
        },
      ]);
    }),
  );
}

/**
 * Changes a bureau account between staff and administrator. Enterprise and university accounts
 * stand for an organisation, so their role is not changed here: a new account is made instead.
 * A person made staff gets a staff record (on no chain yet) if they had none.
 */
export async function changeRole(db: Database, actor: Actor, userId: number, role: unknown): Promise<void> {
  if (role !== 'staff' && role !== 'admin')
    throw new ValidationError('unknown role', { role: 'validation.choose' });
  await withDomainErrors(() =>
    db.transaction(async (tx) => {
      const user = await lockUser(tx, userId);
      if (!user) throw new NotFoundError('no such user');
      if (user.role !== 'staff' && user.role !== 'admin')
        throw new ConflictError('only bureau accounts change between staff and administrator', {
          role: 'admin.roleFixed',
        });
      if (user.id === actor.userId && role !== 'admin')
        throw new ConflictError('an administrator cannot take away their own administration', {
          role: 'admin.notSelf',
        });
      if (user.role === role) return;
      if (role === 'staff') await refuseToRemoveAdministration(tx, actor, user);
      const staffId =
        user.staffId ?? (await insertStaffMember(tx, { name: user.displayName, email: null })).id;
      await setUserRole(tx, userId, role, staffId);
      await insertAuditEntries(tx, actor, [
        {
          action: 'user.role_changed',
          entityType: 'user',
          entityId: userId,
          before: { role: user.role },
          after: { role, staffId },
        },
      ]);
    }),
  );
}
