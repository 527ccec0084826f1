import type { ChainCode, DemandClass } from '../../services/shared/enums.js';

/** The city's shape, from the bureau's report (seed/000_95faafd09d956a0b.txt). */
export const CITY_SHAPE = {
  universities: 11,
  teams: 153,
  faculty: 1319,
  doctoralSupervisors: 186,
  professors: 571,
  chiefScientists: 25,
  staff: 43,
  demands: 107,
  demandsByClass: { chokepoint: 49, chain: 22, systemic: 21, disruptive: 15 } satisfies Record<
    DemandClass,
    number
  >,
  minimumEnterprises: 300,
  minimumServices: 400,
} as const;

/** How the 153 teams fall over the chains: the report gives only the total, so this is a judgement. */
export const TEAMS_PER_CHAIN: Readonly<Record<ChainCode, number>> = {
  medical: 24,
  carbon_fiber: 20,
  marine_equipment: 22,
  special_vehicle: 16,
  info_tech: 24,
  new_energy: 20,
  marine_bio: 18,
  fishing_tackle: 9,
};

/** The 107 demands over the chains, roughly in proportion to each chain's teams and firms. */
export const DEMANDS_PER_CHAIN: Readonly<Record<ChainCode, number>> = {
  medical: 16,
  carbon_fiber: 15,
  marine_equipment: 15,
  special_vehicle: 12,
  info_tech: 15,
  new_energy: 13,
  marine_bio: 13,
  fishing_tackle: 8,
};

/** Chief scientists per chain: 25 in all, every chain at least two. */
export const CHIEF_SCIENTISTS_PER_CHAIN: Readonly<Record<ChainCode, number>> = {
  medical: 4,
  carbon_fiber: 3,
  marine_equipment: 3,
  special_vehicle: 3,
  info_tech: 3,
  new_energy: 3,
  marine_bio: 3,
  fishing_tackle: 3,
};

/** Task-force staff per chain: 43 in all. */
export const STAFF_PER_CHAIN: Readonly<Record<ChainCode, number>> = {
  medical: 6,
  carbon_fiber: 6,
  marine_equipment: 6,
  special_vehicle: 5,
  info_tech: 5,
  new_energy: 5,
  marine_bio: 5,
  fishing_tackle: 5,
};

/** Enterprises per chain (primary chain): 320 in all. */
export const ENTERPRISES_PER_CHAIN: Readonly<Record<ChainCode, number>> = {
  medical: 48,
  carbon_fiber: 40,
  marine_equipment: 46,
  special_vehicle: 38,
  info_tech: 46,
  new_energy: 38,
  marine_bio: 40,
  fishing_tackle: 24,
};

export const SERVICES_TOTAL = 426;
export const COLLABORATIONS_BY_STAGE = {
  refine_demand: 8,
  design_task: 12,
  joint_research: 18,
  commercialise: 10,
} as const;
export const RESULTS_TOTAL = 150;

/** The largest academic scale a city can be generated at; see `AcademicShape`. */
export const MAX_CITY_SCALE = 20;

/**
 * The academic side of a city `scale` times the report's: teams on every chain, faculty, their
 * titles and posts, and results ready for industry, each multiplied by `scale`, so every share
 * (professors per person, teams per chain, works per title) stays the report's. The bureau's side
 * (universities, staff, enterprises, demands) keeps the report's numbers: a bigger city asks
 * the matcher to rank many more people for the same demands. At 1 it is exactly the report's.
 */
export interface AcademicShape {
  teamsPerChain: Readonly<Record<ChainCode, number>>;
  faculty: number;
  professors: number;
  doctoralSupervisors: number;
  chiefScientistsPerChain: Readonly<Record<ChainCode, number>>;
  results: number;
}

export function academicShape(scale: number): AcademicShape {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_CITY_SCALE) {
    throw new RangeError(`a city's scale is a whole number from 1 to ${MAX_CITY_SCALE}`);
  }
  const times = (perChain: Readonly<Record<ChainCode, number>>) =>
    Object.fromEntries(Object.entries(perChain).map(([chain, count]) => [chain, count * scale])) as Record<
      ChainCode,
      number
    >;
  return {
    teamsPerChain: times(TEAMS_PER_CHAIN),
    faculty: CITY_SHAPE.faculty * scale,
    professors: CITY_SHAPE.professors * scale,
    doctoralSupervisors: CITY_SHAPE.doctoralSupervisors * scale,
    chiefScientistsPerChain: times(CHIEF_SCIENTISTS_PER_CHAIN),
    results: RESULTS_TOTAL * scale,
  };
}

/** The day the story is told from: the report covers 2022, written in the spring after. */
export const AS_OF = '2023-03-31';
