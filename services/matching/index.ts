export { wordExplanation } from './explanation-text.js';
export type { AppliedChanges, FeedStatus } from './feed-follower.js';
export { OWN_WRITE_WAIT_MS } from './feed-follower.js';
export { documentId, parseDocumentId } from './match-documents.js';
export { MatchingService, SUGGESTION_SCORE_FLOOR, SUGGESTIONS_PER_KIND } from './matching.service.js';
export type {
  ProfileFilters,
  ProfileKind,
  RankedDemand,
  RankedProfile,
} from './matching.types.js';
export { SuggestionWorker } from './suggestion-worker.js';
export { type SavedTopPairs, saveDemandTopPairs } from './suggestions.service.js';
