import { type Actor, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { agreementSchema, parseInput } from '../validation/index.js';
import { findAgreementOfPair, insertAgreement } from './agreements.repository.js';
import { lockCandidate } from './brokering.repository.js';
import type { CandidatePair, OutsideAgreement, PairConsent } from './brokering.types.js';

/** Statuses in which staff may still record an agreement; accepted and declined are final. */
const OPEN_FOR_AGREEMENT = ['suggested', 'shortlisted', 'introduced'];

/** An agreement form as sent: every field unchecked. */
export interface AgreementSubmission {
  enterpriseConfirmedBy?: unknown;
  universityConfirmedBy?: unknown;
  channel?: unknown;
  agreedOn?: unknown;
  note?: unknown;
}

/** What a pair's consent rests on: both sides' interest in the portal first, else a recorded agreement. */
export function consentOf<Agreement = OutsideAgreement>(
  pair: Pick<CandidatePair, 'enterpriseInterested' | 'profileInterested'>,
  agreement: Agreement | null,
): PairConsent<Agreement> {
  if (pair.enterpriseInterested && pair.profileInterested) return { basis: 'portal_interest' };
  return agreement ? { basis: 'recorded_agreement', agreement } : null;
}

/** The consent of a pair inside a transaction that already holds its row lock. */
export async function findConsentOfLockedPair(tx: Database, pair: CandidatePair): Promise<PairConsent> {
  return consentOf(pair, await findAgreementOfPair(tx, pair.id));
}

/**
 * Staff record that both sides agreed outside the portal (a phone call, a meeting, an email, a
 * letter): who confirmed on each side, how, when, and a note. Kept once per pair and in the audit
 * log; from then on the pair may be accepted and both sides see each other's contact details.
 */
export async function recordOutsideAgreement(
  db: Database,
  actor: Actor,
  candidateId: number,
  submission: AgreementSubmission,
): Promise<OutsideAgreement> {
  if (actor.userId === null)
    throw new ValidationError('an agreement is recorded by a signed-in staff member');
  const recordedBy = actor.userId;
  const fields = parseInput(agreementSchema, submission);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const pair = await lockCandidate(tx, candidateId);
      if (!pair) throw new NotFoundError('no such candidate pair');
      if (!OPEN_FOR_AGREEMENT.includes(pair.status))
        throw new ConflictError(`a ${pair.status} pair is final: no agreement can be recorded for it`, {
          status: `brokering.refused.${pair.status}`,
        });
      if (await findAgreementOfPair(tx, pair.id))
        throw new ConflictError('an agreement is already recorded for this pair', {
          status: 'consent.refused.alreadyRecorded',
        });
      const agreement = await insertAgreement(tx, { matchCandidateId: pair.id, recordedBy, ...fields });
      await insertAuditEntries(tx, actor, [
        {
          action: 'match.agreement_recorded',
          entityType: 'match_candidate',
          entityId: pair.id,
          after: { agreementId: agreement.id, ...fields },
        },
      ]);
      return agreement;
    }),
  );
}
