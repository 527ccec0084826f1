export { findAgreementsOfPairs } from './agreements.repository.js';
export {
  acceptMatch,
  declineMatch,
  introduceMatch,
  isDeclineReason,
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
  PairWithParties,
  PartyContact,
  ProposedIntroduction,
  QueueEntry,
  QueueFilter,
  QueuePage,
  QueuePageFilter,
  QueueRow,
  QueueSort,
  TeamWorkload,
} from './brokering.types.js';
export { QUEUE_SORTS } from './brokering.types.js';
export { type AgreementSubmission, consentOf, recordOutsideAgreement } from './consent.js';
export {
  type ConfirmationOutcome,
  chooseProposals,
  confirmProposal,
  proposeIntroductions,
  UNIVERSITY_REPEAT_PENALTY,
} from './fairness-proposal.js';
export {
  type BulkAction,
  type BulkOutcome,
  daysWaitingAt,
  decideInBulk,
  getQueueEntry,
  listBestPairsOfDemands,
  listPairsInvolving,
  listQueue,
  listQueuePage,
  MAX_BULK_PAIRS,
  type NumberedQueuePage,
  parseQueueFilter,
  QUEUE_PAGE_SIZE,
} from './queue.service.js';
