import type { Database } from '../db/index.js';
import {
  CHAIN_CODES,
  type ChainCode,
  CONSORTIUM_STATUSES,
  type ConsortiumStatus,
  PROJECT_STATUSES,
  type ProjectStatus,
  SUPPORT_KINDS,
  type SupportKind,
} from '../shared/enums.js';
import {
  countConsortiaByChain,
  countProjectsByChainAndStatus,
  countSupportedFirms,
  type FigureScope,
  sumSupportByKind,
} from './chokepoint-figures.repository.js';

export interface SupportFigures {
  kind: SupportKind;
  /** Distinct firms that had this kind of support. */
  firms: number;
  items: number;
  /** Yuan: grant or investment amounts, loan principal, insurance premiums. */
  amount: number;
  creditedInvestment: number;
  riskCompensation: number;
  subsidies: number;
}

/** The choke-point library, its 拨投贷保 support and the consortia, counted live for the dashboard and the report. */
export interface ChokepointFigures {
  projectsByChain: { chainCode: ChainCode; byStatus: Record<ProjectStatus, number>; total: number }[];
  projectsByStatus: Record<ProjectStatus, number>;
  projectTotal: number;
  support: SupportFigures[];
  supportedFirms: number;
  consortia: {
    total: number;
    byStatus: Record<ConsortiumStatus, number>;
    tasks: number;
    tasksUnderWay: number;
    tasksDone: number;
    perChain: { chainCode: ChainCode; consortia: number; tasks: number }[];
  };
}

const zeros = <Key extends string>(keys: readonly Key[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
const money = (value: string | number) => Math.round(Number(value) * 100) / 100;

export async function getChokepointFigures(db: Database, scope: FigureScope): Promise<ChokepointFigures> {
  const [projectRows, supportRows, supportedFirms, consortiumRows] = await Promise.all([
    countProjectsByChainAndStatus(db, scope),
    sumSupportByKind(db, scope),
    countSupportedFirms(db, scope),
    countConsortiaByChain(db, scope),
  ]);
  const chains = scope.chainCode ? [scope.chainCode as ChainCode] : [...CHAIN_CODES];
  const projectsByChain = chains.map((chainCode) => {
    const byStatus = zeros(PROJECT_STATUSES);
    for (const row of projectRows)
      if (row.chainCode === chainCode) byStatus[row.status as ProjectStatus] = Number(row.value);
    return { chainCode, byStatus, total: Object.values(byStatus).reduce((sum, value) => sum + value, 0) };
  });
  const projectsByStatus = zeros(PROJECT_STATUSES);
  for (const row of projectsByChain)
    for (const status of PROJECT_STATUSES) projectsByStatus[status] += row.byStatus[status];
  const byStatus = zeros(CONSORTIUM_STATUSES);
  for (const row of consortiumRows) byStatus[row.status as ConsortiumStatus] += Number(row.consortia);
  const total = (pick: (row: (typeof consortiumRows)[number]) => number) =>
    consortiumRows.reduce((sum, row) => sum + Number(pick(row)), 0);
  return {
    projectsByChain,
    projectsByStatus,
    projectTotal: Object.values(projectsByStatus).reduce((sum, value) => sum + value, 0),
    support: SUPPORT_KINDS.map((kind) => {
      const row = supportRows.find((candidate) => candidate.kind === kind);
      return {
        kind,
        firms: Number(row?.firms ?? 0),
        items: Number(row?.items ?? 0),
        amount: money(row?.amount ?? 0),
        creditedInvestment: money(row?.credited ?? 0),
        riskCompensation: money(row?.riskCompensation ?? 0),
        subsidies: money(row?.subsidies ?? 0),
      };
    }),
    supportedFirms,
    consortia: {
      total: total((row) => row.consortia),
      byStatus,
      tasks: total((row) => row.tasks),
      tasksUnderWay: total((row) => row.tasksUnderWay),
      tasksDone: total((row) => row.tasksDone),
      perChain: chains.map((chainCode) => ({
        chainCode,
        consortia: consortiumRows
          .filter((row) => row.chainCode === chainCode)
          .reduce((sum, row) => sum + Number(row.consortia), 0),
        tasks: consortiumRows
          .filter((row) => row.chainCode === chainCode)
          .reduce((sum, row) => sum + Number(row.tasks), 0),
      })),
    },
  };
}
