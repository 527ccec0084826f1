import type { MatchEvidence, MatchTerm } from '../../matcher/index.js';
import { actorOf, insertAuditEntries } from '../audit/index.js';
import { findAgreementsOfPairs } from '../brokering/agreements.repository.js';
import { consentOf } from '../brokering/consent.js';
import { listPairsInvolving } from '../brokering/queue.service.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import type { MatchExplanation } from '../db/schema/brokering.js';
import { findDemandForCandidates, findVisibleDemand, isOpen } from '../demands/demands.service.js';
import type { Demand, PortalDependencies } from '../demands/demands.types.js';
import { notifyInterest } from '../notifications/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import { findPairForUpdate, insertPair, markInterest, profileExists } from './introductions.repository.js';
import type { CandidateSide, CandidateState, Introduction } from './introductions.types.js';

/** How far down the ranking to look for a pair's score when someone says "interested". */
const SCORE_LOOKUP_DEPTH = 200;
const INTRODUCED = ['introduced', 'accepted'];

/** The team a university user leads, or else the faculty member they are. */
export function profileSideOf(user: User): CandidateSide | null {
  if (user.role !== 'university') return null;
  if (user.teamId) return { kind: 'team', id: user.teamId };
  if (user.facultyId) return { kind: 'faculty', id: user.facultyId };
  return null;
}

const toExplanation = (match?: { terms: MatchTerm[]; evidence: MatchEvidence | null }): MatchExplanation => ({
  terms: (match?.terms ?? []).map((term) => [term.term, term.share] as [string, number]),
  evidence: match?.evidence ?? null,
});

/**
 * Sets one side's "interested" flag on a pair, creating the pair when the matcher had not
 * suggested it yet. The status is left for staff: saying interested only asks them to act.
 */
async function markPairInterest(
  db: Database,
  user: User,
  demand: Demand,
  side: CandidateSide,
  flag: 'enterpriseInterested' | 'profileInterested',
  ranked: { score: number; terms: MatchTerm[]; evidence: MatchEvidence | null } | undefined,
): Promise<CandidateState> {
  if (!isOpen(demand)) throw new ConflictError('only a published demand can be answered');
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      let existing = await findPairForUpdate(tx, demand.id, side);
      let after: CandidateState | null = null;
      if (!existing) {
        after = await insertPair(tx, {
          demandId: demand.id,
          side,
          score: ranked?.score ?? 0,
          explanation: toExplanation(ranked),
          enterpriseInterested: flag === 'enterpriseInterested',
          profileInterested: flag === 'profileInterested',
        });
        // A second click raced the first and lost the insert: carry on with the row the first made.
        if (!after) existing = await findPairForUpdate(tx, demand.id, side);
      }
      // Saying "interested" again changes nothing and is no error: the page shows the same result.
      if (existing?.[flag]) return existing;
      // Staff closed this pair with a reason both sides can read; a click must not reopen it.
      if (existing?.status === 'declined') throw new ConflictError('the pair was declined');
      if (existing) after = await markInterest(tx, existing.id, flag);
      if (!after) throw new ConflictError('the pair could not be recorded');
      await insertAuditEntries(tx, actorOf(user), [
        {
          action:
            flag === 'enterpriseInterested' ? 'match.enterprise_interested' : 'match.profile_interested',
          entityType: 'match_candidate',
          entityId: after.id,
          before: existing ? { [flag]: false, status: existing.status } : null,
          after: { [flag]: true, status: after.status, demandId: demand.id, [`${side.kind}Id`]: side.id },
        },
      ]);
      const bothInterested = after.enterpriseInterested && after.profileInterested;
      await notifyInterest(tx, {
        pairId: after.id,
        by: flag === 'enterpriseInterested' ? 'enterprise' : 'profile',
        actorUserId: user.id,
        bothInterested,
        released: bothInterested && INTRODUCED.includes(after.status),
      });
      return after;
    }),
  );
}

/** The enterprise says it would like to meet this team or faculty member about its demand. */
export async function expressEnterpriseInterest(
  deps: PortalDependencies,
  user: User,
  demandId: number,
  side: CandidateSide,
): Promise<CandidateState> {
  const demand = await findDemandForCandidates(deps.db, user, demandId);
  if (user.role !== 'enterprise') throw new ForbiddenError('only the enterprise says it is interested');
  if (!(await profileExists(deps.db, side))) throw new NotFoundError(`no such ${side.kind}`);
  const query = await deps.matching.demandQuery(demand.id);
  const ranked = query
    ? (await deps.matching.rankProfiles(query, { kind: side.kind, k: SCORE_LOOKUP_DEPTH })).find(
        (profile) => profile.id === side.id,
      )
    : undefined;
  return markPairInterest(deps.db, user, demand, side, 'enterpriseInterested', ranked);
}

/** A team or faculty member says it would like to work on this demand. */
export async function expressProfileInterest(
  deps: PortalDependencies,
  user: User,
  demandId: number,
): Promise<CandidateState> {
  const side = profileSideOf(user);
  if (!side) throw new ForbiddenError('only university teams and faculty say they are interested');
  const demand = await findVisibleDemand(deps.db, user, demandId);
  const ranked = (await deps.matching.rankDemandIdsForProfile(side.kind, side.id, SCORE_LOOKUP_DEPTH)).find(
    (candidate) => candidate.id === demand.id,
  );
  return markPairInterest(deps.db, user, demand, side, 'profileInterested', ranked);
}

/** What each side may read of a recorded agreement: who confirmed, how and when. */
async function agreementsOf(db: Database, pairIds: number[]) {
  const agreements = await findAgreementsOfPairs(db, pairIds);
  return new Map(
    agreements.map((agreement) => [
      agreement.matchCandidateId,
      {
        enterpriseConfirmedBy: agreement.enterpriseConfirmedBy,
        universityConfirmedBy: agreement.universityConfirmedBy,
        channel: agreement.channel,
        agreedOn: agreement.agreedOn,
      },
    ]),
  );
}

/**
 * The pairs a user is part of, with what that side may read: a confidential demand's title and
 * firm only once staff introduced them, and the other side's contact details only once staff
 * introduced them and both sides consented (said interested here, or staff recorded their
 * agreement reached outside the portal).
 */
export async function listIntroductionsForUser(db: Database, user: User): Promise<Introduction[]> {
  if (user.role === 'enterprise' && user.enterpriseId) {
    const rows = await listPairsInvolving(db, { enterpriseId: user.enterpriseId });
    const agreements = await agreementsOf(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const introducedToTeam = row.teamId !== null;
      const agreement = agreements.get(row.id) ?? null;
      const released = consentOf(row, agreement) !== null && INTRODUCED.includes(row.status);
      return {
        ...stateOf(row),
        demandTitle: row.demandTitle,
        enterpriseName: row.enterpriseName,
        confidential: row.confidential,
        profileKind: introducedToTeam ? 'team' : 'faculty',
        profileName: row.profileName,
        universityName: row.universityName,
        contact: released ? row.profileContact : null,
        agreement,
      };
    });
  }
  if (user.role === 'university') {
    const rows = await listPairsInvolving(db, { teamId: user.teamId, facultyId: user.facultyId });
    const agreements = await agreementsOf(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const introduced = INTRODUCED.includes(row.status);
      const readable = !row.confidential || introduced;
      const agreement = agreements.get(row.id) ?? null;
      const released = consentOf(row, agreement) !== null && introduced;
      return {
        ...stateOf(row),
        demandTitle: readable ? row.demandTitle : null,
        enterpriseName: readable ? row.enterpriseName : null,
        confidential: row.confidential,
        profileKind: row.teamId !== null ? 'team' : 'faculty',
        profileName: row.profileName,
        universityName: row.universityName,
        contact: released ? row.enterpriseContact : null,
        agreement,
      };
    });
  }
  return [];
}

function stateOf(row: CandidateState): CandidateState {
  return {
    id: row.id,
    demandId: row.demandId,
    teamId: row.teamId,
    facultyId: row.facultyId,
    status: row.status,
    declineReason: row.declineReason,
    enterpriseInterested: row.enterpriseInterested,
    profileInterested: row.profileInterested,
    updatedAt: row.updatedAt,
  };
}
