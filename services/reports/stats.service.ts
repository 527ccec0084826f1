import type { Database } from '../db/index.js';
import { CHAIN_CODES, COLLABORATION_STAGES, DEMAND_CLASSES, DEMAND_STATUSES } from '../shared/enums.js';
import type { CityStats } from './reports.types.js';
import { countCityFigures, countCityGroups, type GroupCount } from './stats.repository.js';

/** Every key of the enumeration appears, with zero where nothing is counted yet. */
function tally<Key extends string>(keys: readonly Key[], groups: GroupCount[]): Record<Key, number> {
  const result = Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
  for (const group of groups) {
    if ((keys as readonly string[]).includes(group.key)) result[group.key as Key] = group.value;
  }
  return result;
}

const sum = (values: Record<string, number>) =>
  Object.values(values).reduce((total, value) => total + value, 0);

export async function getCityStats(db: Database): Promise<CityStats> {
  const [entities, groups] = await Promise.all([countCityFigures(db), countCityGroups(db)]);
  const { demandClass: byClass, chainCode: byChain, status: byStatus, stage: byStage } = groups;
  const demandsByClass = tally(DEMAND_CLASSES, byClass);
  const collaborationsByStage = tally(COLLABORATION_STAGES, byStage);
  return {
    universities: entities.universities,
    teams: entities.teams,
    faculty: entities.faculty,
    doctoralSupervisors: entities.doctoralSupervisors,
    professors: entities.professors,
    chiefScientists: entities.chiefScientists,
    enterprises: entities.enterprises,
    staff: entities.staff,
    resultsReadyForIndustry: entities.results,
    demands: {
      total: sum(demandsByClass),
      byClass: demandsByClass,
      byChain: tally(CHAIN_CODES, byChain),
      byStatus: tally(DEMAND_STATUSES, byStatus),
    },
    collaborations: { total: sum(collaborationsByStage), byStage: collaborationsByStage },
    enterpriseServices: entities.services,
  };
}
