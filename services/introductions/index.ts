export {
  expressEnterpriseInterest,
  expressProfileInterest,
  listIntroductionsForUser,
  profileSideOf,
} from './introductions.service.js';
export type { CandidateSide, CandidateState, ContactDetails, Introduction } from './introductions.types.js';
