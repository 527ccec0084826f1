import type { MatchExplanation } from '../db/schema/brokering.js';
import type { AgreementChannel, DeclineReason, MatchStatus } from '../shared/enums.js';

/** One candidate pair as brokering sees it: a demand with a team or a faculty member. */
export interface CandidatePair {
  id: number;
  demandId: number;
  teamId: number | null;
  facultyId: number | null;
  score: number;
  explanation: MatchExplanation;
  status: MatchStatus;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  enterpriseInterested: boolean;
  profileInterested: boolean;
  createdAt: Date;
  updatedAt: Date;
  introducedAt: Date | null;
  decidedAt: Date | null;
}

/** A row of a chain's brokering queue: the pair, both sides' names, and how long it has waited. */
export interface QueueEntry extends CandidatePair {
  demandTitle: string;
  demandClass: string;
  chainCode: string;
  enterpriseName: string;
  profileName: string;
  universityName: string;
  /** Whole days since the pair was suggested, or since it was introduced once it was. */
  waitingDays: number;
  /** What its consent rests on so far; null while it has none and cannot be accepted. */
  consent: PairConsent;
}

/** A queue row as the database holds it; the queue's service adds what its consent rests on. */
export type QueueRow = Omit<QueueEntry, 'consent'>;

export interface PartyContact {
  name: string;
  email: string;
  phone: string;
}

/**
 * A pair as the introductions pages read it: the queue's row with the demand's visibility and both
 * sides' contacts. Who may see which of them is the introductions' decision, not the query's.
 */
export interface PairWithParties extends QueueRow {
  confidential: boolean;
  enterpriseContact: PartyContact;
  /** The team's leader, or the faculty member themself. */
  profileContact: PartyContact;
}

export interface QueueFilter {
  chainCode: string | null;
  statuses: MatchStatus[];
  limit?: number;
}

/** One line of a fairness proposal: the team proposed for a demand, for staff to review. */
export interface ProposedIntroduction {
  candidateId: number;
  demandId: number;
  demandTitle: string;
  teamId: number;
  teamName: string;
  universityId: number;
  universityName: string;
  score: number;
  /** The score after the penalty for a university already used in this proposal. */
  adjustedScore: number;
}

export interface IntroductionProposal {
  chainCode: string;
  proposals: ProposedIntroduction[];
  /** Open demands for which no team had both a candidate pair and room under its limit. */
  unfilled: { demandId: number; demandTitle: string }[];
}

export interface TeamWorkload {
  teamId: number;
  teamName: string;
  universityName: string;
  chainCode: string;
  introductionLimit: number;
  liveIntroductions: number;
}

/** Both sides' agreement to a pair reached outside the portal, as staff recorded it. */
export interface OutsideAgreement {
  id: number;
  matchCandidateId: number;
  enterpriseConfirmedBy: string;
  universityConfirmedBy: string;
  channel: AgreementChannel;
  /** The day both sides agreed, in the city (YYYY-MM-DD). */
  agreedOn: string;
  note: string;
  recordedBy: number;
  recordedAt: Date;
}

/** What a pair's consent rests on, or null while it has none (and cannot be accepted). */
export type PairConsent<Agreement = OutsideAgreement> =
  | { basis: 'portal_interest' }
  | { basis: 'recorded_agreement'; agreement: Agreement }
  | null;

/** How the queue page may be ordered: interest first (the default), best score, longest waiting. */
export const QUEUE_SORTS = ['interest', 'score', 'waiting'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueuePageFilter {
  chainCode: string | null;
  statuses: MatchStatus[];
  demandClass: string | null;
  universityId: number | null;
  /** The lowest score shown, on the matcher's 0–1 scale. */
  minScore: number;
  bothInterested: boolean;
  /** Words that must each appear in the demand's title, the firm's name or the candidate's name. */
  search: string;
  sort: QueueSort;
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface QueuePage {
  entries: QueueEntry[];
  /** Pairs the filter holds across every page. */
  total: number;
}
