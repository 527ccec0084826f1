import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { DemandRow, FacultyRow, ResultRow, TeamRow, WorkRow } from './match-documents.js';

const { teams, faculty, works, results, demands } = schema;

/** Demands other people can be matched to: published, or matched and still open to more. */
export const INDEXED_DEMAND_STATUSES = ['published', 'matched'] as const;

const byIds = (column: Parameters<typeof inArray>[0], ids: number[] | 'all'): SQL | undefined =>
  ids === 'all' ? undefined : inArray(column, ids);

/** A faculty member as the index needs them, with the chain of their team. */
function selectFacultyRows(db: Database) {
  return db
    .select({
      id: faculty.id,
      universityId: faculty.universityId,
      teamId: faculty.teamId,
      teamChain: teams.chainCode,
      chiefScientistChain: faculty.chiefScientistChain,
      title: faculty.title,
      isDoctoralSupervisor: faculty.isDoctoralSupervisor,
      researchDirections: faculty.researchDirections,
      bio: faculty.bio,
    })
    .from(faculty)
    .leftJoin(teams, eq(teams.id, faculty.teamId));
}

export async function loadFacultyRows(db: Database, ids: number[] | 'all'): Promise<FacultyRow[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  return selectFacultyRows(db).where(byIds(faculty.id, ids));
}

export async function loadFacultyOfTeams(db: Database, teamIds: number[] | 'all'): Promise<FacultyRow[]> {
  if (teamIds !== 'all' && teamIds.length === 0) return [];
  return selectFacultyRows(db).where(
    teamIds === 'all' ? isNotNull(faculty.teamId) : inArray(faculty.teamId, teamIds),
  );
}

export async function loadWorkRows(db: Database, facultyIds: number[] | 'all'): Promise<WorkRow[]> {
  if (facultyIds !== 'all' && facultyIds.length === 0) return [];
  return db
    .select({
      facultyId: works.facultyId,
      kind: works.kind,
      title: works.title,
      summary: works.summary,
      year: works.year,
    })
    .from(works)
    .where(byIds(works.facultyId, facultyIds))
    .orderBy(works.facultyId, works.id);
}

export async function loadTeamRows(db: Database, ids: number[] | 'all'): Promise<TeamRow[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  return db
    .select({
      id: teams.id,
      universityId: teams.universityId,
      nameZh: teams.nameZh,
      nameEn: teams.nameEn,
      chainCode: teams.chainCode,
      researchDirections: teams.researchDirections,
      description: teams.description,
    })
    .from(teams)
    .where(byIds(teams.id, ids));
}

/** Results with the university and team they belong to, whichever of team or faculty owns them. */
export async function loadResultRows(
  db: Database,
  where: { ids?: number[]; teamIds?: number[] } | 'all',
): Promise<ResultRow[]> {
  const condition =
    where === 'all'
      ? undefined
      : where.ids
        ? inArray(results.id, where.ids)
        : inArray(sql`coalesce(${results.ownerTeamId}, ${faculty.teamId})`, where.teamIds ?? []);
  if (where !== 'all' && (where.ids ?? where.teamIds ?? []).length === 0) return [];
  return db
    .select({
      id: results.id,
      title: results.title,
      summary: results.summary,
      chainCode: results.chainCode,
      universityId: sql<number | null>`coalesce(${teams.universityId}, ${faculty.universityId})`,
      teamId: sql<number | null>`coalesce(${results.ownerTeamId}, ${faculty.teamId})`,
    })
    .from(results)
    .leftJoin(faculty, eq(faculty.id, results.ownerFacultyId))
    .leftJoin(teams, eq(teams.id, sql`coalesce(${results.ownerTeamId}, ${faculty.teamId})`))
    .where(condition);
}

export async function loadDemandRows(
  db: Database,
  ids: number[] | 'all',
): Promise<(DemandRow & { status: string })[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  return db
    .select({
      id: demands.id,
      title: demands.title,
      titleEn: demands.titleEn,
      description: demands.description,
      chainCode: demands.chainCode,
      status: demands.status,
    })
    .from(demands)
    .where(byIds(demands.id, ids));
}

export async function loadPublishedDemandIds(db: Database): Promise<number[]> {
  const rows = await db
    .select({ id: demands.id })
    .from(demands)
    .where(eq(demands.status, 'published'))
    .orderBy(demands.id);
  return rows.map((row) => row.id);
}

/** The team ids whose documents include these faculty members or these results. */
export async function teamsOfFaculty(db: Database, facultyIds: number[]): Promise<number[]> {
  if (facultyIds.length === 0) return [];
  const rows = await db
    .select({ teamId: faculty.teamId })
    .from(faculty)
    .where(and(inArray(faculty.id, facultyIds), isNotNull(faculty.teamId)));
  return [...new Set(rows.map((row) => row.teamId!))];
}

export async function teamsOfResults(db: Database, resultIds: number[]): Promise<number[]> {
  const rows = await loadResultRows(db, { ids: resultIds });
  return [...new Set(rows.map((row) => row.teamId).filter((id): id is number => id !== null))];
}

export interface ProfileCard {
  id: number;
  name: string;
  universityId: number;
  universityName: string;
  chainCode: string | null;
  teamName: string | null;
  facultyTitle: string | null;
  doctoralSupervisor: boolean;
}

export async function loadResultCards(db: Database, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: results.id,
      title: results.title,
      summary: results.summary,
      chainCode: results.chainCode,
      teamName: teams.nameZh,
      facultyName: faculty.name,
    })
    .from(results)
    .leftJoin(teams, eq(teams.id, results.ownerTeamId))
    .leftJoin(faculty, eq(faculty.id, results.ownerFacultyId))
    .where(inArray(results.id, ids));
}
