import type { Database } from '../db/index.js';
import {
  type ChainCode,
  COLLABORATION_STAGES,
  type CollaborationStage,
  DEMAND_CLASSES,
  DEMAND_STATUSES,
  type DemandClass,
  type DemandStatus,
} from '../shared/enums.js';
import { type ChokepointFigures, getChokepointFigures } from './chokepoint-figures.service.js';
import {
  countCollaborationsByStageOfChain,
  countDemandsByClassAndStatus,
  countFunnel,
  findWeakDemands,
  medianDaysToFirstContact,
} from './dashboard.repository.js';

/**
 * A demand whose best team scores under this has no strong match in the city: its expertise
 * probably has to come from outside. Scores are cosine similarities in 0..1; on the demo data a
 * team planted as the right answer scores well above 0.2, while under it a pair shares only a
 * few common words of the chain. Default 0.2; 0.1 flags only demands with nearly nothing, 0.3
 * flags demands the city covers only partly.
 */
export const STRONG_MATCH_THRESHOLD = 0.2;

export interface FunnelStep {
  step: 'suggested' | 'introduced' | 'accepted' | 'collaborations';
  count: number;
  /** Share of the previous step that reached this one; null for the first step or when the previous is 0. */
  conversion: number | null;
}

export interface ChainDashboard {
  chainCode: ChainCode | null;
  demandsByClass: { demandClass: DemandClass; total: number; byStatus: Record<DemandStatus, number> }[];
  demandTotal: number;
  weakDemands: { id: number; title: string; demandClass: string; bestScore: number | null }[];
  strongMatchThreshold: number;
  funnel: FunnelStep[];
  medianDaysToFirstContact: number | null;
  collaborationsByStage: { stage: CollaborationStage; count: number }[];
  /** The choke-point library, its support and the consortia of the chain (or the city). */
  chokepoint: ChokepointFigures;
}

export async function getChainDashboard(db: Database, chainCode: ChainCode | null): Promise<ChainDashboard> {
  const [matrix, weakDemands, funnel, median, byStage, chokepoint] = await Promise.all([
    countDemandsByClassAndStatus(db, chainCode),
    findWeakDemands(db, chainCode, STRONG_MATCH_THRESHOLD),
    countFunnel(db, chainCode),
    medianDaysToFirstContact(db, chainCode),
    countCollaborationsByStageOfChain(db, chainCode),
    getChokepointFigures(db, { chainCode }),
  ]);
  const demandsByClass = DEMAND_CLASSES.map((demandClass) => {
    const byStatus = Object.fromEntries(DEMAND_STATUSES.map((status) => [status, 0])) as Record<
      DemandStatus,
      number
    >;
    for (const cell of matrix)
      if (cell.demandClass === demandClass && cell.status in byStatus)
        byStatus[cell.status as DemandStatus] = cell.value;
    return { demandClass, byStatus, total: Object.values(byStatus).reduce((sum, value) => sum + value, 0) };
  });
  const counts = [funnel.suggested, funnel.introduced, funnel.accepted, funnel.collaborations];
  const steps = ['suggested', 'introduced', 'accepted', 'collaborations'] as const;
  return {
    chainCode,
    demandsByClass,
    demandTotal: demandsByClass.reduce((sum, row) => sum + row.total, 0),
    weakDemands,
    strongMatchThreshold: STRONG_MATCH_THRESHOLD,
    funnel: steps.map((step, index) => {
      const previous = index > 0 ? counts[index - 1]! : 0;
      return {
        step,
        count: counts[index]!,
        conversion: index > 0 && previous > 0 ? counts[index]! / previous : null,
      };
    }),
    medianDaysToFirstContact: median === null ? null : Math.round(median * 10) / 10,
    collaborationsByStage: COLLABORATION_STAGES.map((stage) => ({
      stage,
      count: byStage.find((row) => row.key === stage)?.value ?? 0,
    })),
    chokepoint,
  };
}
