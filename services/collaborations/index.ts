export { insertCollaboration } from './collaborations.repository.js';
export {
  addMilestone,
  addNote,
  getCollaboration,
  isStage,
  listCollaborations,
  moveStage,
  recordOutcomes,
  setMilestoneCompletion,
} from './collaborations.service.js';
export type {
  Collaboration,
  CollaborationDetail,
  CollaborationFilter,
  CollaborationSummary,
  Milestone,
} from './collaborations.types.js';
export {
  getCollaborationForParty,
  listCollaborationsForParty,
  type PartyContact,
} from './portal-collaborations.service.js';
