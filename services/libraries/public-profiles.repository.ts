import { asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

const { faculty, works, results, collaborationTeams } = schema;

export async function findTeamMembers(db: Database, teamId: number) {
  return db
    .select({
      id: faculty.id,
      name: faculty.name,
      title: faculty.title,
      isDoctoralSupervisor: faculty.isDoctoralSupervisor,
      researchDirections: faculty.researchDirections,
    })
    .from(faculty)
    .where(eq(faculty.teamId, teamId))
    .orderBy(asc(faculty.name), asc(faculty.id));
}

/** Works of these faculty members, newest first: kind, year and title are what a page shows. */
export async function findWorksOf(db: Database, facultyIds: number[]) {
  if (facultyIds.length === 0) return [];
  return db
    .select({
      id: works.id,
      facultyId: works.facultyId,
      facultyName: faculty.name,
      kind: works.kind,
      title: works.title,
      year: works.year,
    })
    .from(works)
    .innerJoin(faculty, eq(faculty.id, works.facultyId))
    .where(inArray(works.facultyId, facultyIds))
    .orderBy(sql`${works.year} desc nulls last`, asc(works.id));
}

/** Results owned by this team, or by any of these faculty members. */
export async function findResultsOf(db: Database, owners: { teamId: number | null; facultyIds: number[] }) {
  const conditions = [
    owners.teamId ? eq(results.ownerTeamId, owners.teamId) : undefined,
    owners.facultyIds.length ? inArray(results.ownerFacultyId, owners.facultyIds) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  if (conditions.length === 0) return [];
  return db
    .select({ id: results.id, title: results.title, trl: results.trl, ipStatus: results.ipStatus })
    .from(results)
    .where(or(...conditions))
    .orderBy(desc(results.createdAt), desc(results.id));
}

/** How many collaborations the team is in: the public sees the number, never the firms. */
export async function countCollaborationsOfTeam(db: Database, teamId: number): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(collaborationTeams)
    .where(eq(collaborationTeams.teamId, teamId));
  return Number(row?.value ?? 0);
}
