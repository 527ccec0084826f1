export {
  browseDemands,
  browseExperts,
  browseResults,
  countLibraries,
  findLibraryDemand,
  LIBRARY_PAGE_SIZE,
  type LibraryDependencies,
  parseDemandFilter,
  parseExpertFilter,
  parseResultFilter,
  viewerOf,
} from './libraries.service.js';
export type * from './libraries.types.js';
export { getFacultyPage, getResultPage, getTeamPage } from './public-profiles.service.js';
