export { documentId, parseDocumentId } from './match-documents.js';
export { MatchingService, SUGGESTIONS_PER_KIND } from './matching.service.js';
export type {
  ProfileFilters,
  ProfileKind,
  RankedDemand,
  RankedProfile,
  SearchHit,
} from './matching.types.js';
