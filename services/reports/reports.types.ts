import type { ChainCode, CollaborationStage, DemandClass } from '../shared/enums.js';

/** The city's headline figures, counted live; the shape of GET /api/v1/stats. */
export interface CityStats {
  universities: number;
  teams: number;
  faculty: number;
  doctoralSupervisors: number;
  professors: number;
  chiefScientists: number;
  enterprises: number;
  staff: number;
  resultsReadyForIndustry: number;
  demands: {
    total: number;
    byClass: Record<DemandClass, number>;
    byChain: Record<ChainCode, number>;
    byStatus: Record<string, number>;
  };
  collaborations: {
    total: number;
    byStage: Record<CollaborationStage, number>;
  };
  enterpriseServices: number;
}
