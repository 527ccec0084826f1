import { and, asc, desc, eq, gte, ilike, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/index.js';
import { nameByShape, schema } from '../db/index.js';
import type { AgreementChannel, DeclineReason, MatchStatus } from '../shared/enums.js';
import type { OutsideAgreement, PairWithParties, QueuePageFilter, QueueRow } from './brokering.types.js';

const { matchCandidates, matchAgreements, demands, enterprises, teams, faculty, universities } = schema;
const leader = alias(faculty, 'leader');

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

/** What the introductions pages read beside a queue row: who may be told whom, and how to reach them. */
const contactColumns = {
  visibility: demands.visibility,
  enterpriseContactName: enterprises.contactName,
  enterpriseContactEmail: enterprises.contactEmail,
  enterpriseContactPhone: enterprises.contactPhone,
  facultyEmail: faculty.email,
  facultyPhone: faculty.phone,
  leaderName: leader.name,
  leaderEmail: leader.email,
  leaderPhone: leader.phone,
};

const pairColumns = { ...entryColumns, ...contactColumns };

/**
 * The pairs with their demand, its firm, the team or faculty member and their university: the one
 * join every list of pairs reads (the queue, the export's best matches, the introductions pages).
 * Contact details ride along for the introductions; the queue's rows leave them out.
 */
function selectPairs(db: Pick<Database, 'select'>) {
  return (
    db
      .select(pairColumns)
      .from(matchCandidates)
      .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
      .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
      .leftJoin(teams, eq(teams.id, matchCandidates.teamId))
      .leftJoin(faculty, eq(faculty.id, matchCandidates.facultyId))
      .leftJoin(leader, eq(leader.id, teams.leaderId))
      // Every pair has exactly one side and every side a university, so this join drops no pair.
      .innerJoin(
        universities,
        eq(universities.id, sql`coalesce(${teams.universityId}, ${faculty.universityId})`),
      )
  );
}

function ordering(sort: QueuePageFilter['sort']): SQL[] {
  if (sort === 'score') return [desc(matchCandidates.score), asc(matchCandidates.id)];
  if (sort === 'waiting') return [desc(waitingDays), desc(matchCandidates.score), asc(matchCandidates.id)];
  return [desc(anyInterest), desc(matchCandidates.score), asc(matchCandidates.id)];
}

/**
 * One page of the brokering queue, how many pairs the filter holds in all, and each row's outside
 * agreement, in one statement: the page's ids are ordered and cut on the pairs table alone (the
 * filtered set's size counted in the same pass, as a window), and only those rows are then joined
 * to their names by primary key. (Joined before the cut, the planner scans every pair again for
 * the names.)
 */
export async function findQueuePage(
  db: Database,
  filter: QueuePageFilter,
): Promise<{ entries: (QueueRow & { agreement: OutsideAgreement | null })[]; total: number }> {
  if (filter.statuses.length === 0) return { entries: [], total: 0 };
  const where = conditions(db, filter);
  const order = ordering(filter.sort);
  const page = db.$with('queue_page').as(
    db
      .select({
        id: matchCandidates.id,
        total: sql<number>`count(*) over ()`.as('total'),
        position: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('position'),
      })
      .from(matchCandidates)
      .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
      .where(where)
      .orderBy(...order)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
  );
  const query = db
    .with(page)
    .select({ ...entryColumns, total: page.total, agreement: matchAgreements })
    .from(page)
    .innerJoin(matchCandidates, eq(matchCandidates.id, page.id))
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .leftJoin(teams, eq(teams.id, matchCandidates.teamId))
    .leftJoin(faculty, eq(faculty.id, matchCandidates.facultyId))
    .innerJoin(
      universities,
      eq(universities.id, sql`coalesce(${teams.universityId}, ${faculty.universityId})`),
    )
    .leftJoin(matchAgreements, eq(matchAgreements.matchCandidateId, matchCandidates.id))
    .orderBy(page.position);
  // Named by its shape: planning it was half of the server's time for a queue page.
  const rows = await query.prepare(nameByShape('queue_page', query.toSQL().sql)).execute();
  // A page past the end holds no row to carry the count: only then is it asked on its own.
  const total = rows.length ? Number(rows[0]!.total) : filter.page > 1 ? await countQueue(db, where) : 0;
  return {
    total,
    entries: rows.map(({ total: _total, agreement, ...row }) => ({
      ...toEntry(row),
      agreement: agreement ? { ...agreement, channel: agreement.channel as AgreementChannel } : null,
    })),
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

type PairRow = Awaited<ReturnType<ReturnType<typeof selectPairs>['where']>>[number];
type EntryRow = Omit<PairRow, keyof typeof contactColumns>;

function toEntry({ teamName, facultyName, ...pair }: EntryRow): QueueRow {
  return {
    ...pair,
    status: pair.status as MatchStatus,
    declineReason: pair.declineReason as DeclineReason | null,
    profileName: teamName ?? facultyName ?? '',
    waitingDays: Math.max(0, Number(pair.waitingDays)),
  };
}

/** A pair read with its contacts as the queue's row: the contacts stay out of what the queue holds. */
function withoutContacts(row: PairRow): EntryRow {
  const {
    visibility,
    enterpriseContactName,
    enterpriseContactEmail,
    enterpriseContactPhone,
    facultyEmail,
    facultyPhone,
    leaderName,
    leaderEmail,
    leaderPhone,
    ...entry
  } = row;
  return entry;
}

const pairToEntry = (row: PairRow) => toEntry(withoutContacts(row));

function toPairWithParties(row: PairRow): PairWithParties {
  const contact = (name: string | null, email: string | null, phone: string | null) => ({
    name: name ?? '',
    email: email ?? '',
    phone: phone ?? '',
  });
  return {
    ...pairToEntry(row),
    confidential: row.visibility === 'confidential',
    enterpriseContact: contact(
      row.enterpriseContactName,
      row.enterpriseContactEmail,
      row.enterpriseContactPhone,
    ),
    // A team is reached through its leader; a faculty member directly.
    profileContact:
      row.teamId !== null
        ? contact(row.leaderName, row.leaderEmail, row.leaderPhone)
        : contact(row.facultyName, row.facultyEmail, row.facultyPhone),
  };
}

/** One pair as the queue shows it, whatever its status, for the page where staff decide on it. */
export async function findQueueEntry(db: Database, candidateId: number): Promise<QueueRow | null> {
  const [row] = await selectPairs(db).where(eq(matchCandidates.id, candidateId));
  return row ? pairToEntry(row) : null;
}

/** The N best-scored pairs of each demand (declined pairs left out), by demand, best first. */
export async function findBestPairsOfDemands(db: Database, perDemand: number): Promise<QueueRow[]> {
  const ranked = db
    .select({
      id: matchCandidates.id,
      rank: sql<number>`row_number() over (partition by ${matchCandidates.demandId} order by ${matchCandidates.score} desc, ${matchCandidates.id})`.as(
        'rank',
      ),
    })
    .from(matchCandidates)
    .where(ne(matchCandidates.status, 'declined'))
    .as('ranked');
  const rows = await selectPairs(db)
    .innerJoin(ranked, eq(ranked.id, matchCandidates.id))
    .where(lte(ranked.rank, perDemand))
    .orderBy(asc(matchCandidates.demandId), desc(matchCandidates.score), asc(matchCandidates.id));
  return rows.map(pairToEntry);
}

/**
 * The pairs an enterprise, or a team or faculty member, is part of and that have moved past a bare
 * suggestion (staff acted, or someone said interested): newest first, at most 500.
 */
export async function findPairsInvolving(
  db: Database,
  party: { enterpriseId: number } | { teamId: number | null; facultyId: number | null },
): Promise<PairWithParties[]> {
  const involved =
    'enterpriseId' in party
      ? eq(demands.enterpriseId, party.enterpriseId)
      : or(
          party.teamId ? eq(matchCandidates.teamId, party.teamId) : sql`false`,
          party.facultyId ? eq(matchCandidates.facultyId, party.facultyId) : sql`false`,
        );
  const rows = await selectPairs(db)
    .where(
      and(
        involved,
        or(
          ne(matchCandidates.status, 'suggested'),
          eq(matchCandidates.enterpriseInterested, true),
          eq(matchCandidates.profileInterested, true),
        ),
      ),
    )
    .orderBy(desc(matchCandidates.updatedAt), desc(matchCandidates.id))
    .limit(500);
  return rows.map(toPairWithParties);
}
