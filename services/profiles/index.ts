export { findCompanyFace, findOwnCompany, updateOwnCompany } from './company.service.js';
export { type MatchedDemand, rankDemandsForUser } from './matched-demands.service.js';
export {
  addResult,
  addWork,
  editResult,
  editWork,
  findFacultyProfile,
  findOwnProfile,
  findOwnResult,
  findOwnWork,
  findTeamProfile,
  listFacultyProfiles,
  listTeamProfiles,
  removeWork,
  updateFacultyProfile,
  updateOwnFaculty,
  updateOwnTeam,
  updateTeamProfile,
} from './profiles.service.js';
export type {
  FacultyProfile,
  OwnProfile,
  ResultForIndustry,
  Submission,
  TeamProfile,
  Work,
} from './profiles.types.js';
