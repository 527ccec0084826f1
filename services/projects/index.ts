export { assertActsForChain, isBureau } from './project-access.js';
export { exportProjects } from './projects.export.js';
export {
  applicationContext,
  applyForProject,
  assertMayActOnProject,
  getProjectForUser,
  isProjectStatus,
  isReviewDecision,
  listLibrary,
  listProjectsOfFirm,
  resubmitProject,
  reviewProject,
} from './projects.service.js';
export type {
  BenchmarkRate,
  ChokepointProject,
  PartnerOrganisation,
  ProjectDetail,
  ProjectFilter,
  ProjectLibrary,
  SupportItem,
  SupportPackage,
} from './projects.types.js';
export {
  benchmarkRateOn,
  createPartner,
  isPartnerKind,
  isSupportKind,
  listBenchmarkRates,
  listPartners,
  recordSupport,
  setBenchmarkRate,
} from './support.service.js';
export {
  INSURANCE_SUBSIDY_MAX_PERCENT,
  INVESTMENT_MULTIPLIER_MAX,
  INVESTMENT_MULTIPLIER_MIN,
  LOAN_PRINCIPAL_MAX_YUAN,
  LOAN_TERM_MAX_MONTHS,
  RISK_COMPENSATION_MAX_PERCENT,
  SUPPORT_RULES,
} from './support-rules.js';
