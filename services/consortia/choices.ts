import type { Database } from '../db/index.js';
import {
  findDemandChoices,
  findEnterpriseChoices,
  findTeamChoices,
  findUniversityChoices,
} from './choices.repository.js';

/** What the consortium forms offer to choose from: every firm, team and university, by name. */
export const listEnterpriseChoices = (db: Database) => findEnterpriseChoices(db);
export const listTeamChoices = (db: Database) => findTeamChoices(db);
export const listUniversityChoices = (db: Database) => findUniversityChoices(db);
/** The open demands of the member firms: the ones that can be marked as joint tasks. */
export const listDemandsOfFirms = (db: Database, enterpriseIds: number[]) =>
  findDemandChoices(db, enterpriseIds);
