import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

const { demands, enterprises, enterpriseChains, faculty, results, teams, universities } = schema;

/** The five importable lists, each with the names its references are written by in a spreadsheet. */

export async function findFacultyRoster(db: Database) {
  return db
    .select({ member: faculty, universityName: universities.nameZh, teamName: teams.nameZh })
    .from(faculty)
    .innerJoin(universities, eq(universities.id, faculty.universityId))
    .leftJoin(teams, eq(teams.id, faculty.teamId))
    .orderBy(asc(faculty.id));
}

export async function findTeamsList(db: Database) {
  return db
    .select({ team: teams, universityName: universities.nameZh, leaderName: faculty.name })
    .from(teams)
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .leftJoin(faculty, eq(faculty.id, teams.leaderId))
    .orderBy(asc(teams.id));
}

export async function findEnterprisesList(db: Database) {
  const rows = await db.select().from(enterprises).orderBy(asc(enterprises.id));
  const chainsByEnterprise = new Map<number, string[]>();
  for (const link of await db.select().from(enterpriseChains)) {
    chainsByEnterprise.set(link.enterpriseId, [
      ...(chainsByEnterprise.get(link.enterpriseId) ?? []),
      link.chainCode,
    ]);
  }
  return rows.map((enterprise) => ({ enterprise, chainCodes: chainsByEnterprise.get(enterprise.id) ?? [] }));
}

export async function findDemandsList(db: Database) {
  return db
    .select({ demand: demands, enterpriseName: enterprises.name })
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .orderBy(asc(demands.id));
}

export async function findResultsList(db: Database) {
  return db
    .select({
      result: results,
      teamName: teams.nameZh,
      facultyName: faculty.name,
      universityName: universities.nameZh,
    })
    .from(results)
    .leftJoin(teams, eq(teams.id, results.ownerTeamId))
    .leftJoin(faculty, eq(faculty.id, results.ownerFacultyId))
    .leftJoin(
      universities,
      eq(universities.id, sql`coalesce(${teams.universityId}, ${faculty.universityId})`),
    )
    .orderBy(asc(results.id));
}
