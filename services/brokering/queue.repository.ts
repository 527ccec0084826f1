import { and, asc, desc, eq, gte, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { DeclineReason, MatchStatus } from '../shared/enums.js';
import type { QueueEntry, QueuePageFilter } from './brokering.types.js';

/** A queue row as the database holds it; the service adds what its consent rests on. */
export type QueueRow = Omit<QueueEntry, 'consent'>;

const { matchCandidates, demands, enterprises, teams, faculty, universities } = schema;

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

const waitingDays = sql<number>`floor(extract(epoch from now() - coalesce(${matchCandidates.introducedAt}, ${matchCandidates.createdAt})) / 86400)::int`;
const anyInterest = sql`(${matchCandidates.enterpriseInterested} or ${matchCandidates.profileInterested})`;

/**
 * The filter as conditions on the pairs table and its demand only. Names and universities are
 * looked up in their own (small) tables first, so a search never joins every pair to every name.
 */
function conditions(db: Database, filter: QueuePageFilter): SQL | undefined {
  const words = filter.search
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => `%${escapeLike(word)}%`);
  const pairsNaming = (pattern: string) =>
    or(
      inArray(
        matchCandidates.demandId,
        db
          .select({ id: demands.id })
          .from(demands)
          .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
          .where(or(ilike(demands.title, pattern), ilike(enterprises.name, pattern))),
      ),
      inArray(
        matchCandidates.teamId,
        db.select({ id: teams.id }).from(teams).where(ilike(teams.nameZh, pattern)),
      ),
      inArray(
        matchCandidates.facultyId,
        db.select({ id: faculty.id }).from(faculty).where(ilike(faculty.name, pattern)),
      ),
    );
  return and(
    inArray(matchCandidates.status, filter.statuses),
    // A draft is not brokered yet and a closed demand no longer is; a matched one may take more teams.
    inArray(demands.status, ['published', 'matched']),
    filter.chainCode ? eq(demands.chainCode, filter.chainCode) : undefined,
    filter.demandClass ? eq(demands.demandClass, filter.demandClass) : undefined,
    filter.universityId
      ? or(
          inArray(
            matchCandidates.teamId,
            db.select({ id: teams.id }).from(teams).where(eq(teams.universityId, filter.universityId)),
          ),
          inArray(
            matchCandidates.facultyId,
            db.select({ id: faculty.id }).from(faculty).where(eq(faculty.universityId, filter.universityId)),
          ),
        )
      : undefined,
    filter.minScore > 0 ? gte(matchCandidates.score, filter.minScore) : undefined,
    filter.bothInterested
      ? and(eq(matchCandidates.enterpriseInterested, true), eq(matchCandidates.profileInterested, true))
      : undefined,
    ...words.map(pairsNaming),
  );
}

const entryColumns = {
  id: matchCandidates.id,
  demandId: matchCandidates.demandId,
  teamId: matchCandidates.teamId,
  facultyId: matchCandidates.facultyId,
  score: matchCandidates.score,
  explanation: matchCandidates.explanation,
  status: matchCandidates.status,
  declineReason: matchCandidates.declineReason,
  declineNote: matchCandidates.declineNote,
  enterpriseInterested: matchCandidates.enterpriseInterested,
  profileInterested: matchCandidates.profileInterested,
  createdAt: matchCandidates.createdAt,
  updatedAt: matchCandidates.updatedAt,
  introducedAt: matchCandidates.introducedAt,
  decidedAt: matchCandidates.decidedAt,
  demandTitle: demands.title,
  demandClass: demands.demandClass,
  chainCode: demands.chainCode,
  enterpriseName: enterprises.name,
  teamName: teams.nameZh,
  facultyName: faculty.name,
  universityName: universities.nameZh,
  waitingDays,
};

/** The pairs with both sides' names; `db` may carry a `with` clause the caller joins. */
function selectEntries(db: Pick<Database, 'select'>) {
  return db
    .select(entryColumns)
    .from(matchCandidates)
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .leftJoin(teams, eq(teams.id, matchCandidates.teamId))
    .leftJoin(faculty, eq(faculty.id, matchCandidates.facultyId))
    .innerJoin(
      universities,
      eq(universities.id, sql`coalesce(${teams.universityId}, ${faculty.universityId})`),
    );
}

function ordering(sort: QueuePageFilter['sort']): SQL[] {
  if (sort === 'score') return [desc(matchCandidates.score), asc(matchCandidates.id)];
  if (sort === 'waiting') return [desc(waitingDays), desc(matchCandidates.score), asc(matchCandidates.id)];
  return [desc(anyInterest), desc(matchCandidates.score), asc(matchCandidates.id)];
}

/**
 * One page of the brokering queue and how many pairs the filter holds in all: the page's ids are
 * ordered and cut on the pairs table alone, the filtered set's size counted in the same pass; then
 * only those rows are read with their names, by primary key. (Joined in one statement, the
 * planner scans every pair again for the names.)
 */
export async function findQueuePage(
  db: Database,
  filter: QueuePageFilter,
): Promise<{ entries: QueueRow[]; total: number }> {
  if (filter.statuses.length === 0) return { entries: [], total: 0 };
  const where = conditions(db, filter);
  const pageIds = await db
    .select({ id: matchCandidates.id, total: sql<number>`count(*) over ()` })
    .from(matchCandidates)
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .where(where)
    .orderBy(...ordering(filter.sort))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const ids = pageIds.map((row) => row.id);
  const rows = ids.length ? await selectEntries(db).where(inArray(matchCandidates.id, ids)) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A page past the end holds no row to carry the count: only then is it asked on its own.
  const total = pageIds.length
    ? Number(pageIds[0]!.total)
    : filter.page > 1
      ? await countQueue(db, where)
      : 0;
  return {
    total,
    entries: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toEntry(row)] : [];
    }),
  };
}

async function countQueue(db: Database, where: SQL | undefined): Promise<number> {
  const [count] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(matchCandidates)
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .where(where);
  return Number(count?.value ?? 0);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['where']>>[number];

function toEntry({ teamName, facultyName, ...row }: EntryRow): QueueRow {
  return {
    ...row,
    status: row.status as MatchStatus,
    declineReason: row.declineReason as DeclineReason | null,
    profileName: teamName ?? facultyName ?? '',
    waitingDays: Math.max(0, Number(row.waitingDays)),
  };
}

/** One pair as the queue shows it, whatever its status, for the page where staff decide on it. */
export async function findQueueEntry(db: Database, candidateId: number): Promise<QueueRow | null> {
  const [row] = await selectEntries(db).where(eq(matchCandidates.id, candidateId));
  return row ? toEntry(row) : null;
}
