import type { DeclineReason, MatchStatus } from '../shared/enums.js';

export type CandidateSide = { kind: 'team' | 'faculty'; id: number };

/** Where a demand–profile pair stands, as either side may see it. */
export interface CandidateState {
  id: number;
  demandId: number;
  teamId: number | null;
  facultyId: number | null;
  status: MatchStatus;
  declineReason: DeclineReason | null;
  enterpriseInterested: boolean;
  profileInterested: boolean;
  updatedAt: Date;
}

export interface ContactDetails {
  name: string;
  email: string;
  phone: string;
}

/**
 * One pair on an introductions page. `demandTitle` and `enterpriseName` are null when the demand is
 * confidential and staff have not introduced this side to it; `contact` is null until staff
 * introduced them and both sides said interested, or staff recorded their agreement.
 */
export interface Introduction extends CandidateState {
  demandTitle: string | null;
  enterpriseName: string | null;
  confidential: boolean;
  profileKind: 'team' | 'faculty';
  profileName: string;
  universityName: string;
  contact: ContactDetails | null;
  /** Staff recorded both sides' agreement reached outside the portal: who, how and when (not the note). */
  agreement: {
    enterpriseConfirmedBy: string;
    universityConfirmedBy: string;
    channel: string;
    agreedOn: string;
  } | null;
}
