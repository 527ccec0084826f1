import { and, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import { findDemandsByIds } from '../demands/demands.repository.js';
import type {
  DemandLibraryEntry,
  DemandLibraryFilter,
  ExpertLibraryEntry,
  ExpertLibraryFilter,
  LibraryViewer,
  ResultLibraryEntry,
  ResultLibraryFilter,
} from './libraries.types.js';

const { demands, matchCandidates, results, teams, faculty, universities } = schema;

/** Open to the public and to the matcher; the same list as the demands service keeps. */
const OPEN_STATUSES = ['published', 'matched'];
/** A pair in these statuses means staff put this profile in touch with the demand's firm. */
const INTRODUCED_STATUSES = ['introduced', 'accepted'];

/** One way to ask for rows: the ranked ids the matcher found, or a page of the newest. */
export type RowSelection = { ids: number[] } | { limit: number; offset: number };

export interface SelectedIds {
  /** In the order asked for: the matcher's rank, or newest first. */
  ids: number[];
  total: number;
}

/**
 * The visibility rule of demands as one SQL condition, so a confidential demand is left out of a
 * page, its count and its snippets alike: the public sees open public demands; a firm also its
 * own; a university profile also the confidential ones staff introduced it to; staff everything.
 */
function demandVisibleTo(db: Database, viewer: LibraryViewer): SQL | undefined {
  const isPublic = eq(demands.visibility, 'public');
  if (viewer.kind === 'staff') return undefined;
  if (viewer.kind === 'enterprise') return or(isPublic, eq(demands.enterpriseId, viewer.enterpriseId));
  if (viewer.kind === 'profile') {
    const sides = [
      viewer.teamId ? eq(matchCandidates.teamId, viewer.teamId) : undefined,
      viewer.facultyId ? eq(matchCandidates.facultyId, viewer.facultyId) : undefined,
    ].filter((side): side is SQL => side !== undefined);
    if (sides.length === 0) return isPublic;
    const introduced = db
      .select({ demandId: matchCandidates.demandId })
      .from(matchCandidates)
      .where(and(inArray(matchCandidates.status, INTRODUCED_STATUSES), or(...sides)));
    return or(isPublic, inArray(demands.id, introduced));
  }
  return isPublic;
}

function demandConditions(db: Database, viewer: LibraryViewer, filter: DemandLibraryFilter): SQL | undefined {
  const lowest = sql`coalesce(${demands.budgetMin}, ${demands.budgetMax})`;
  const highest = sql`coalesce(${demands.budgetMax}, ${demands.budgetMin})`;
  return and(
    demandVisibleTo(db, viewer),
    filter.status ? eq(demands.status, filter.status) : inArray(demands.status, OPEN_STATUSES),
    filter.chain ? eq(demands.chainCode, filter.chain) : undefined,
    filter.demandClass ? eq(demands.demandClass, filter.demandClass) : undefined,
    filter.minTrl ? gte(demands.expectedTrl, filter.minTrl) : undefined,
    filter.budgetTo !== null ? lte(lowest, filter.budgetTo) : undefined,
    filter.budgetFrom !== null ? gte(highest, filter.budgetFrom) : undefined,
  );
}

async function selectIds(
  idQuery: (where: SQL | undefined) => { id: number }[] | Promise<{ id: number }[]>,
  countQuery: () => Promise<{ value: number }[]>,
  idColumn: Parameters<typeof inArray>[0],
  where: SQL | undefined,
  selection: RowSelection,
): Promise<SelectedIds> {
  if ('ids' in selection) {
    if (selection.ids.length === 0) return { ids: [], total: 0 };
    const allowed = new Set(
      (await idQuery(and(where, inArray(idColumn, selection.ids)))).map((row) => row.id),
    );
    const ids = selection.ids.filter((id) => allowed.has(id));
    return { ids, total: ids.length };
  }
  const [rows, [count]] = await Promise.all([idQuery(where), countQuery()]);
  return { ids: rows.map((row) => row.id), total: Number(count?.value ?? 0) };
}

export function findDemandIds(
  db: Database,
  viewer: LibraryViewer,
  filter: DemandLibraryFilter,
  selection: RowSelection,
): Promise<SelectedIds> {
  const where = demandConditions(db, viewer, filter);
  const paged = 'limit' in selection ? selection : null;
  return selectIds(
    (condition) => {
      const query = db.select({ id: demands.id }).from(demands).where(condition);
      return paged
        ? query.orderBy(desc(demands.createdAt), desc(demands.id)).limit(paged.limit).offset(paged.offset)
        : query;
    },
    () => db.select({ value: sql<number>`count(*)::int` }).from(demands).where(where),
    demands.id,
    where,
    selection,
  );
}

/** Demands as the library lists them: the demands repository's one read of demands by id. */
export function loadDemandEntries(db: Database, ids: number[]): Promise<DemandLibraryEntry[]> {
  return findDemandsByIds(db, ids);
}

const resultTeamId = sql`coalesce(${results.ownerTeamId}, ${faculty.teamId})`;
const resultUniversityId = sql<number>`coalesce(${teams.universityId}, ${faculty.universityId})`;

function resultsJoined<Selection extends Record<string, unknown>>(db: Database, fields: Selection) {
  return db
    .select(fields as never)
    .from(results)
    .leftJoin(faculty, eq(faculty.id, results.ownerFacultyId))
    .leftJoin(teams, eq(teams.id, resultTeamId))
    .$dynamic();
}

function resultConditions(filter: ResultLibraryFilter): SQL | undefined {
  return and(
    filter.chain ? eq(results.chainCode, filter.chain) : undefined,
    filter.universityId ? eq(resultUniversityId, filter.universityId) : undefined,
    filter.minTrl ? gte(results.trl, filter.minTrl) : undefined,
    filter.ipStatus ? eq(results.ipStatus, filter.ipStatus) : undefined,
  );
}

export function findResultIds(
  db: Database,
  filter: ResultLibraryFilter,
  selection: RowSelection,
): Promise<SelectedIds> {
  const where = resultConditions(filter);
  const paged = 'limit' in selection ? selection : null;
  return selectIds(
    async (condition) => {
      const query = resultsJoined(db, { id: results.id }).where(condition);
      const rows = paged
        ? await query
            .orderBy(desc(results.createdAt), desc(results.id))
            .limit(paged.limit)
            .offset(paged.offset)
        : await query;
      return rows as unknown as { id: number }[];
    },
    async () =>
      (await resultsJoined(db, { value: sql<number>`count(*)::int` }).where(where)) as unknown as {
        value: number;
      }[],
    results.id,
    where,
    selection,
  );
}

/** Results with their team, faculty member and university: the library's rows and a result's page. */
export async function loadResultEntries(db: Database, ids: number[]): Promise<ResultLibraryEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: results.id,
      title: results.title,
      summary: results.summary,
      chainCode: results.chainCode,
      trl: results.trl,
      ipStatus: results.ipStatus,
      ownerTeamId: results.ownerTeamId,
      teamId: teams.id,
      teamName: teams.nameZh,
      facultyId: results.ownerFacultyId,
      facultyName: faculty.name,
      universityName: universities.nameZh,
      createdAt: results.createdAt,
    })
    .from(results)
    .leftJoin(faculty, eq(faculty.id, results.ownerFacultyId))
    .leftJoin(teams, eq(teams.id, resultTeamId))
    .innerJoin(universities, eq(universities.id, resultUniversityId))
    .where(inArray(results.id, ids));
  return rows;
}

const facultyChain = sql<string | null>`coalesce(${teams.chainCode}, ${faculty.chiefScientistChain})`;

export function findExpertIds(
  db: Database,
  filter: ExpertLibraryFilter,
  selection: RowSelection,
): Promise<SelectedIds> {
  const paged = 'limit' in selection ? selection : null;
  if (filter.kind === 'team') {
    const where = and(
      filter.chain ? eq(teams.chainCode, filter.chain) : undefined,
      filter.universityId ? eq(teams.universityId, filter.universityId) : undefined,
    );
    return selectIds(
      (condition) => {
        const query = db.select({ id: teams.id }).from(teams).where(condition);
        return paged
          ? query.orderBy(desc(teams.updatedAt), desc(teams.id)).limit(paged.limit).offset(paged.offset)
          : query;
      },
      () => db.select({ value: sql<number>`count(*)::int` }).from(teams).where(where),
      teams.id,
      where,
      selection,
    );
  }
  const where = and(
    filter.chain ? eq(facultyChain, filter.chain) : undefined,
    filter.universityId ? eq(faculty.universityId, filter.universityId) : undefined,
    filter.title ? eq(faculty.title, filter.title) : undefined,
    filter.doctoralSupervisor ? eq(faculty.isDoctoralSupervisor, true) : undefined,
  );
  return selectIds(
    (condition) => {
      const query = db
        .select({ id: faculty.id })
        .from(faculty)
        .leftJoin(teams, eq(teams.id, faculty.teamId))
        .where(condition);
      return paged
        ? query.orderBy(desc(faculty.updatedAt), desc(faculty.id)).limit(paged.limit).offset(paged.offset)
        : query;
    },
    () =>
      db
        .select({ value: sql<number>`count(*)::int` })
        .from(faculty)
        .leftJoin(teams, eq(teams.id, faculty.teamId))
        .where(where),
    faculty.id,
    where,
    selection,
  );
}

export async function loadExpertEntries(
  db: Database,
  kind: 'team' | 'faculty',
  ids: number[],
): Promise<ExpertLibraryEntry[]> {
  if (ids.length === 0) return [];
  if (kind === 'team') {
    const rows = await db
      .select({
        id: teams.id,
        name: teams.nameZh,
        universityName: universities.nameZh,
        chainCode: teams.chainCode,
        researchDirections: teams.researchDirections,
        text: teams.description,
      })
      .from(teams)
      .innerJoin(universities, eq(universities.id, teams.universityId))
      .where(inArray(teams.id, ids));
    return rows.map((row) => ({
      ...row,
      kind,
      teamName: null,
      facultyTitle: null,
      doctoralSupervisor: false,
    }));
  }
  const rows = await db
    .select({
      id: faculty.id,
      name: faculty.name,
      universityName: universities.nameZh,
      chainCode: facultyChain,
      teamName: teams.nameZh,
      facultyTitle: faculty.title,
      doctoralSupervisor: faculty.isDoctoralSupervisor,
      researchDirections: faculty.researchDirections,
      text: faculty.bio,
    })
    .from(faculty)
    .innerJoin(universities, eq(universities.id, faculty.universityId))
    .leftJoin(teams, eq(teams.id, faculty.teamId))
    .where(inArray(faculty.id, ids));
  return rows.map((row) => ({ ...row, kind }));
}
