export { findAgreementsOfPairs } from './agreements.repository.js';
export {
  acceptMatch,
  declineMatch,
  introduceMatch,
  isDeclineReason,
  listQueue,
  listTeamWorkloads,
  MAX_INTRODUCTION_LIMIT,
  OPEN_STATUSES,
  setIntroductionLimit,
  shortlistMatch,
} from './brokering.service.js';
export type {
  CandidatePair,
  IntroductionProposal,
  OutsideAgreement,
  PairConsent,
  ProposedIntroduction,
  QueueEntry,
  QueueFilter,
  TeamWorkload,
} from './brokering.types.js';
export { type AgreementSubmission, consentOf, recordOutsideAgreement } from './consent.js';
export {
  type ConfirmationOutcome,
  chooseProposals,
  confirmProposal,
  proposeIntroductions,
  UNIVERSITY_REPEAT_PENALTY,
} from './fairness-proposal.js';
