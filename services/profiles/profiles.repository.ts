import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { FacultyTitle, IpStatus, WorkKind } from '../shared/enums.js';
import type { FacultyProfile, ResultForIndustry, TeamProfile, Work } from './profiles.types.js';

const { teams, faculty, works, results, universities } = schema;

/** Teams with their university: the one loader of team cards, pages and profiles. */
export async function findTeamsByIds(db: Database, ids: number[]): Promise<TeamProfile[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: teams.id,
      universityId: teams.universityId,
      universityName: universities.nameZh,
      nameZh: teams.nameZh,
      nameEn: teams.nameEn,
      chainCode: teams.chainCode,
      researchDirections: teams.researchDirections,
      description: teams.description,
      leaderId: teams.leaderId,
      updatedAt: teams.updatedAt,
    })
    .from(teams)
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(inArray(teams.id, ids));
}

/**
 * Faculty members with their university and team: the one loader of faculty cards, pages and
 * profiles. Contact details are in it; the services take them out where they may not be shown.
 */
export async function findFacultyByIds(db: Database, ids: number[]): Promise<FacultyProfile[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: faculty.id,
      universityId: faculty.universityId,
      universityName: universities.nameZh,
      teamId: faculty.teamId,
      name: faculty.name,
      title: faculty.title,
      isDoctoralSupervisor: faculty.isDoctoralSupervisor,
      researchDirections: faculty.researchDirections,
      bio: faculty.bio,
      chiefScientistChain: faculty.chiefScientistChain,
      teamName: teams.nameZh,
      chainCode: sql<string | null>`coalesce(${teams.chainCode}, ${faculty.chiefScientistChain})`,
      email: faculty.email,
      phone: faculty.phone,
      updatedAt: faculty.updatedAt,
    })
    .from(faculty)
    .innerJoin(universities, eq(universities.id, faculty.universityId))
    .leftJoin(teams, eq(teams.id, faculty.teamId))
    .where(inArray(faculty.id, ids));
  return rows.map((row) => ({ ...row, title: row.title as FacultyTitle }));
}

export async function updateTeam(
  db: Database,
  id: number,
  values: { description: string; researchDirections: string[] },
): Promise<void> {
  await db
    .update(teams)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(teams.id, id));
}

export async function updateFaculty(
  db: Database,
  id: number,
  values: { bio: string; researchDirections: string[] },
): Promise<void> {
  await db
    .update(faculty)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(faculty.id, id));
}

const toWork = (row: typeof works.$inferSelect): Work => ({ ...row, kind: row.kind as WorkKind });

export async function findWorksOfFaculty(db: Database, facultyIds: number[]): Promise<Work[]> {
  if (facultyIds.length === 0) return [];
  const rows = await db
    .select()
    .from(works)
    .where(inArray(works.facultyId, facultyIds))
    .orderBy(sql`${works.year} desc nulls last`, asc(works.id));
  return rows.map(toWork);
}

export async function findWorksByIds(db: Database, ids: number[]): Promise<Work[]> {
  if (ids.length === 0) return [];
  return (await db.select().from(works).where(inArray(works.id, ids))).map(toWork);
}

export type WorkFields = Omit<Work, 'id' | 'facultyId'>;

export async function insertWork(db: Database, facultyId: number, values: WorkFields): Promise<Work> {
  const [row] = await db
    .insert(works)
    .values({ ...values, facultyId })
    .returning();
  return toWork(row!);
}

export async function updateWork(db: Database, id: number, values: WorkFields): Promise<void> {
  await db.update(works).set(values).where(eq(works.id, id));
}

export async function deleteWork(db: Database, id: number): Promise<void> {
  await db.delete(works).where(eq(works.id, id));
}

const toResult = (row: typeof results.$inferSelect): ResultForIndustry => ({
  id: row.id,
  ownerTeamId: row.ownerTeamId,
  ownerFacultyId: row.ownerFacultyId,
  chainCode: row.chainCode,
  title: row.title,
  summary: row.summary,
  trl: row.trl,
  ipStatus: row.ipStatus as IpStatus,
});

export async function findResultsOfOwners(
  db: Database,
  owners: { teamId: number | null; facultyId: number | null },
): Promise<ResultForIndustry[]> {
  const conditions = [
    owners.teamId ? eq(results.ownerTeamId, owners.teamId) : undefined,
    owners.facultyId ? eq(results.ownerFacultyId, owners.facultyId) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  if (conditions.length === 0) return [];
  const rows = await db
    .select()
    .from(results)
    .where(or(...conditions))
    .orderBy(asc(results.id));
  return rows.map(toResult);
}

export async function findResultsByIds(db: Database, ids: number[]): Promise<ResultForIndustry[]> {
  if (ids.length === 0) return [];
  return (await db.select().from(results).where(inArray(results.id, ids))).map(toResult);
}

export type ResultFields = Pick<ResultForIndustry, 'title' | 'summary' | 'trl' | 'ipStatus'>;

export async function insertResult(
  db: Database,
  owner: { ownerTeamId: number | null; ownerFacultyId: number | null; chainCode: string | null },
  values: ResultFields,
): Promise<ResultForIndustry> {
  const [row] = await db
    .insert(results)
    .values({ ...owner, ...values })
    .returning();
  return toResult(row!);
}

export async function updateResult(db: Database, id: number, values: ResultFields): Promise<void> {
  await db
    .update(results)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(results.id, id)));
}
