export {
  listDemandsOfFirms,
  listEnterpriseChoices,
  listTeamChoices,
  listUniversityChoices,
} from './choices.js';
export {
  addConsortiumMember,
  addConsortiumTask,
  assertMayKeepConsortium,
  createConsortium,
  getConsortiumForUser,
  listConsortia,
  listConsortiaOfMember,
  markDemandAsTask,
  rankTeamsForConsortium,
  removeConsortiumMember,
  setConsortiumTaskStatus,
  updateConsortiumDetails,
} from './consortia.service.js';
export type {
  Consortium,
  ConsortiumDetail,
  ConsortiumMember,
  ConsortiumTask,
  MemberKind,
} from './consortia.types.js';
