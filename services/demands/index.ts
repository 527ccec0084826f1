export {
  CANDIDATES_PER_KIND,
  type DemandCandidates,
  explainMatch,
  listUniversitiesForFilters,
  parseProfileFilters,
  type RankedCandidate,
  rankCandidatesForDemand,
  type WordedCandidate,
  type WordedRanking,
} from './demand-candidates.service.js';
export {
  closeOwnDemand,
  createDemand,
  filterVisibleDemands,
  findDemandForCandidates,
  findOwnDemand,
  findVisibleDemand,
  isOpen,
  listDemandsForUser,
  lockDemand,
  markDemandMatched,
  parseIntent,
  profileLinkOf,
  updateOwnDemand,
} from './demands.service.js';
export type {
  Demand,
  DemandFields,
  DemandIntent,
  DemandSubmission,
  PortalDependencies,
  ProfileLink,
} from './demands.types.js';
