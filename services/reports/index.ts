export {
  type AnnualReport,
  type ChainResults,
  getAnnualReport,
  latestReportYear,
  type Period,
  parsePeriod,
} from './annual-report.service.js';
export { buildAnnualReportWorkbook, type WorkbookWording } from './annual-report.workbook.js';
export {
  type ChokepointFigures,
  getChokepointFigures,
  type SupportFigures,
} from './chokepoint-figures.service.js';
export {
  type ChainDashboard,
  type FunnelStep,
  getChainDashboard,
  STRONG_MATCH_THRESHOLD,
} from './dashboard.service.js';
export type { CityStats } from './reports.types.js';
export { countEntities, type EntityCounts } from './stats.repository.js';
export { getCityStats } from './stats.service.js';
