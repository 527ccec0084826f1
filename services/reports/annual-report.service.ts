import * as z from 'zod';
import type { Database } from '../db/index.js';
import { type ChainCode, DEMAND_CLASSES, type DemandClass } from '../shared/enums.js';
import { ValidationError } from '../shared/errors.js';
import { fieldProblemsOf, isoDate } from '../validation/index.js';
import {
  countDemandsByClassInPeriod,
  countHeadlines,
  countResultsPerChain,
  findLatestCollaborationYear,
  type Period,
} from './annual-report.repository.js';
import { type ChokepointFigures, getChokepointFigures } from './chokepoint-figures.service.js';
import { getCityStats } from './stats.service.js';

export type { Period };

export interface ChainResults {
  chainCode: ChainCode;
  demands: number;
  matches: number;
  collaborations: number;
  commercialising: number;
  patentsGranted: number;
  newProducts: number;
  /** 万元 */
  revenue: number;
  /** 万元 */
  contractValue: number;
}

/** The bureau report's headline figures, counted live for any period (dates inclusive, city calendar). */
export interface AnnualReport {
  period: Period;
  collaborationsBrokered: number;
  matchesReached: number;
  enterprisesServed: number;
  servicesGiven: number;
  demands: number;
  demandsByClass: Record<DemandClass, number>;
  perChain: ChainResults[];
  /** Projects applied for and support given in the period; consortia as they stand. */
  chokepoint: ChokepointFigures;
  /** The city's innovation resources as they stand now; they are not counted by period. */
  resources: {
    universities: number;
    teams: number;
    faculty: number;
    doctoralSupervisors: number;
    professors: number;
    chiefScientists: number;
  };
}

const periodSchema = z.object({ from: isoDate(), to: isoDate() });

/**
 * The period asked for, or by default the whole calendar year `defaultYear`; refused when a date
 * is malformed or the order is wrong.
 */
export function parsePeriod(input: { from?: unknown; to?: unknown }, defaultYear: string): Period {
  const result = periodSchema.safeParse(input);
  if (!result.success) throw new ValidationError('invalid period', fieldProblemsOf(result.error));
  const from = result.data.from ?? `${defaultYear}-01-01`;
  const to = result.data.to ?? `${defaultYear}-12-31`;
  if (from > to) throw new ValidationError('invalid period', { to: 'validation.periodOrder' });
  return { from, to };
}

/**
 * The year a report opens on: the latest year in which a collaboration started, since a report on
 * a year with no brokering yet (early January, or imported history) would show only zeros.
 */
export async function latestReportYear(db: Database, today: string): Promise<string> {
  return (await findLatestCollaborationYear(db)) ?? today.slice(0, 4);
}

export async function getAnnualReport(db: Database, period: Period): Promise<AnnualReport> {
  const [headlines, byClass, perChain, city, chokepoint] = await Promise.all([
    countHeadlines(db, period),
    countDemandsByClassInPeriod(db, period),
    countResultsPerChain(db, period),
    getCityStats(db),
    getChokepointFigures(db, { period }),
  ]);
  const demandsByClass = Object.fromEntries(DEMAND_CLASSES.map((key) => [key, 0])) as Record<
    DemandClass,
    number
  >;
  for (const row of byClass)
    if (row.key in demandsByClass) demandsByClass[row.key as DemandClass] = Number(row.value);
  return {
    period,
    ...headlines,
    demandsByClass,
    perChain: perChain.map((row) => ({
      chainCode: row.chainCode as ChainCode,
      demands: Number(row.demands),
      matches: Number(row.matches),
      collaborations: Number(row.collaborations),
      commercialising: Number(row.commercialising),
      patentsGranted: Number(row.patents),
      newProducts: Number(row.products),
      revenue: Number(row.revenue),
      contractValue: Number(row.contractValue),
    })),
    chokepoint,
    resources: {
      universities: city.universities,
      teams: city.teams,
      faculty: city.faculty,
      doctoralSupervisors: city.doctoralSupervisors,
      professors: city.professors,
      chiefScientists: city.chiefScientists,
    },
  };
}
