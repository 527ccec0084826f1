import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

const { enterprises, teams, universities, demands } = schema;

export function findEnterpriseChoices(db: Database) {
  return db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .orderBy(asc(enterprises.name));
}

export function findTeamChoices(db: Database) {
  return db
    .select({ id: teams.id, name: teams.nameZh, universityName: universities.nameZh })
    .from(teams)
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .orderBy(asc(universities.nameZh), asc(teams.nameZh));
}

export function findUniversityChoices(db: Database) {
  return db
    .select({ id: universities.id, name: universities.nameZh })
    .from(universities)
    .orderBy(asc(universities.nameZh));
}

export async function findDemandChoices(db: Database, enterpriseIds: number[]) {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({
      id: demands.id,
      title: demands.title,
      demandClass: demands.demandClass,
      status: demands.status,
    })
    .from(demands)
    .where(inArray(demands.enterpriseId, enterpriseIds))
    .orderBy(asc(demands.title));
}
