import type { Database } from '../db/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import { getCollaboration, listCollaborations } from './collaborations.service.js';
import type { CollaborationDetail, CollaborationSummary } from './collaborations.types.js';
import {
  findCollaborationIdsOfProfile,
  findEnterpriseContact,
  findTeamLeaderContact,
} from './portal-collaborations.repository.js';

export interface PartyContact {
  name: string;
  phone: string | null;
  email: string | null;
}

/** The collaborations a firm or a university user is a party to: the firm's own, or their team's. */
async function collaborationIdsOf(db: Database, user: User): Promise<number[] | null> {
  if (user.role === 'university') return findCollaborationIdsOfProfile(db, user);
  return null;
}

export async function listCollaborationsForParty(db: Database, user: User): Promise<CollaborationSummary[]> {
  if (user.role === 'enterprise' && user.enterpriseId)
    return listCollaborations(db, { enterpriseId: user.enterpriseId });
  const ids = await collaborationIdsOf(db, user);
  if (!ids || ids.length === 0) return [];
  return listCollaborations(db, { ids });
}

/**
 * One collaboration, read-only, for one of its two sides, with the other side's contact: the firm
 * sees the lead team's leader, the team sees the firm's contact. Anyone else is told it is not there.
 */
export async function getCollaborationForParty(
  db: Database,
  user: User,
  collaborationId: number,
): Promise<{
  collaboration: CollaborationDetail;
  side: 'enterprise' | 'team';
  contact: PartyContact | null;
}> {
  const isFirm = user.role === 'enterprise' && user.enterpriseId !== null;
  if (!isFirm) {
    const ids = (await collaborationIdsOf(db, user)) ?? [];
    if (!ids.includes(collaborationId)) throw new NotFoundError('no such collaboration');
  }
  const collaboration = await getCollaboration(db, collaborationId);
  if (isFirm && collaboration.enterpriseId !== user.enterpriseId)
    throw new NotFoundError('no such collaboration');
  const contact = isFirm
    ? await findTeamLeaderContact(db, collaboration.leadTeamId)
    : await findEnterpriseContact(db, collaboration.enterpriseId);
  return { collaboration, side: isFirm ? 'enterprise' : 'team', contact };
}
