import type { Actor } from '../audit/index.js';
import { type Database, KeptWhileUnchanged } from '../db/index.js';
import { DEMAND_CLASSES, MATCH_STATUSES, type MatchStatus } from '../shared/enums.js';
import { DomainError, NotFoundError, ValidationError } from '../shared/errors.js';
import { findAgreementsOfPairs } from './agreements.repository.js';
import { declineMatch, isDeclineReason, OPEN_STATUSES, shortlistMatch } from './brokering.service.js';
import {
  type OutsideAgreement,
  type PairWithParties,
  QUEUE_SORTS,
  type QueueEntry,
  type QueueFilter,
  type QueuePage,
  type QueuePageFilter,
  type QueueRow,
  type QueueSort,
} from './brokering.types.js';
import { consentOf } from './consent.js';
import {
  findBestPairsOfDemands,
  findPairsInvolving,
  findQueueEntry,
  findQueuePage,
} from './queue.repository.js';

/** Each row with what its consent rests on: both said interested, or an agreement staff recorded. */
async function withConsent(db: Database, rows: QueueRow[]): Promise<QueueEntry[]> {
  const agreements = new Map(
    (
      await findAgreementsOfPairs(
        db,
        rows.map((row) => row.id),
      )
    ).map((agreement) => [agreement.matchCandidateId, agreement]),
  );
  return rows.map((row) => ({ ...row, consent: consentOf(row, agreements.get(row.id) ?? null) }));
}

/** A row read with its outside agreement, with what its consent rests on. */
function withItsAgreement({
  agreement,
  ...row
}: QueueRow & { agreement: OutsideAgreement | null }): QueueEntry {
  return { ...row, consent: consentOf(row, agreement) };
}

/** Rows on one page of the queue: a screen of decisions that still loads fast on a phone. */
export const QUEUE_PAGE_SIZE = 50;
/** Pairs one bulk action may touch: more than a page is a slip of the "tick all" box. */
export const MAX_BULK_PAIRS = 200;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const wholeNumber = (value: unknown, min: number, max: number): number | null => {
  const raw = text(value).trim();
  if (!/^\d{1,6}$/.test(raw)) return null;
  const number = Number(raw);
  return number >= min && number <= max ? number : null;
};

/**
 * The queue's filters from a URL's query: every value that is not one the queue knows is ignored
 * (a bookmark made before a change still opens), never an error. The score is typed on the 0–100
 * scale people see.
 */
export function parseQueueFilter(
  query: Record<string, unknown>,
  chainCode: string | null,
): Omit<QueuePageFilter, 'pageSize'> {
  const status = text(query.status);
  const statuses: MatchStatus[] = (MATCH_STATUSES as readonly string[]).includes(status)
    ? [status as MatchStatus]
    : OPEN_STATUSES;
  const sort = text(query.sort);
  return {
    chainCode,
    statuses,
    demandClass: (DEMAND_CLASSES as readonly string[]).includes(text(query.class)) ? text(query.class) : null,
    universityId: wholeNumber(query.university, 1, 999_999),
    minScore: (wholeNumber(query.minScore, 0, 100) ?? 0) / 100,
    bothInterested: text(query.both) === '1',
    search: text(query.q).trim().slice(0, 60),
    sort: (QUEUE_SORTS as readonly string[]).includes(sort) ? (sort as QueueSort) : 'interest',
    page: wholeNumber(query.page, 1, 100_000) ?? 1,
  };
}

export type NumberedQueuePage = QueuePage & { page: number; pages: number };

/** Pages read while nothing the queue shows has changed, in any process: staff page back and forth for free. */
const keptPages = new KeptWhileUnchanged<NumberedQueuePage>('pairs');

/**
 * How long a kept page may say how many days its pairs have waited: each pair's count turns at its
 * own time of day (it counts whole days since it was suggested or introduced), so a page is kept
 * for this long at most even while nothing is written.
 */
const WAITING_DAYS_KEPT_MS = 60_000;

/**
 * One page of the queue; a page past the end shows the last page rather than an empty one. The
 * same object comes back for the same filter and page until a write touches what the queue shows,
 * or for a minute at most: treat it as read-only.
 */
export function listQueuePage(
  db: Database,
  filter: Omit<QueuePageFilter, 'pageSize'>,
  pageSize = QUEUE_PAGE_SIZE,
): Promise<NumberedQueuePage> {
  const key = JSON.stringify([filter, pageSize, Math.floor(Date.now() / WAITING_DAYS_KEPT_MS)]);
  return keptPages.get(db, key, () => readQueuePage(db, filter, pageSize));
}

async function readQueuePage(
  db: Database,
  filter: Omit<QueuePageFilter, 'pageSize'>,
  pageSize: number,
): Promise<NumberedQueuePage> {
  let found = await findQueuePage(db, { ...filter, pageSize });
  const pages = Math.max(1, Math.ceil(found.total / pageSize));
  const page = Math.min(filter.page, pages);
  if (page !== filter.page) found = await findQueuePage(db, { ...filter, page, pageSize });
  return { entries: found.entries.map(withItsAgreement), total: found.total, page, pages };
}

/**
 * The queue as one list, in the page's order and with the page's filters (its default view):
 * what the export writes and what the pages built on the queue read. Without a limit, all of it.
 */
export async function listQueue(db: Database, filter: QueueFilter): Promise<QueueEntry[]> {
  const found = await findQueuePage(db, {
    chainCode: filter.chainCode,
    statuses: filter.statuses,
    demandClass: null,
    universityId: null,
    minScore: 0,
    bothInterested: false,
    search: '',
    sort: 'interest',
    page: 1,
    pageSize: filter.limit ?? Number.MAX_SAFE_INTEGER,
  });
  return found.entries.map(withItsAgreement);
}

/** Each demand's best `perDemand` pairs that are not declined, for the export's demands list. */
export function listBestPairsOfDemands(db: Database, perDemand: number): Promise<QueueRow[]> {
  return findBestPairsOfDemands(db, perDemand);
}

/**
 * The pairs an enterprise, or a team or faculty member, takes part in once they moved past a bare
 * suggestion, with both sides' contacts: the introductions pages decide what each side may read.
 */
export function listPairsInvolving(
  db: Database,
  party: { enterpriseId: number } | { teamId: number | null; facultyId: number | null },
): Promise<PairWithParties[]> {
  return findPairsInvolving(db, party);
}

const DAY_MS = 86_400_000;

/** Whole days a pair has waited at `now`: since it was introduced, or else since it was suggested. */
export function daysWaitingAt(entry: Pick<QueueEntry, 'introducedAt' | 'createdAt'>, now: Date): number {
  const since = entry.introducedAt ?? entry.createdAt;
  return Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS));
}

export type BulkAction = 'shortlist' | 'decline';

export interface BulkOutcome {
  done: number[];
  /** Pairs left as they were, with the message key saying why (already moved by someone else, …). */
  refused: { candidateId: number; messageKey: string }[];
}

/**
 * The same decision on many ticked pairs. Each pair is its own transaction, as if decided one by
 * one: a pair someone else moved meanwhile is refused and reported, the others go through.
 */
export async function decideInBulk(
  db: Database,
  actor: Actor,
  input: { action: unknown; candidateIds: number[]; reason?: unknown; note?: unknown },
): Promise<BulkOutcome> {
  const action = input.action === 'shortlist' || input.action === 'decline' ? input.action : null;
  if (!action)
    throw new ValidationError('choose shortlist or decline', { action: 'brokering.bulk.chooseAction' });
  const ids = [...new Set(input.candidateIds)];
  if (ids.length === 0)
    throw new ValidationError('tick at least one pair', { ids: 'brokering.bulk.noneTicked' });
  if (ids.length > MAX_BULK_PAIRS)
    throw new ValidationError(`at most ${MAX_BULK_PAIRS} pairs at once`, { ids: 'brokering.bulk.tooMany' });
  if (action === 'decline' && !isDeclineReason(input.reason))
    throw new ValidationError('a decline needs a reason from the list', {
      reason: 'brokering.bulk.chooseReason',
    });
  const outcome: BulkOutcome = { done: [], refused: [] };
  for (const id of ids) {
    try {
      if (action === 'shortlist') await shortlistMatch(db, actor, id);
      else await declineMatch(db, actor, id, { reason: input.reason, note: input.note });
      outcome.done.push(id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome.refused.push({ candidateId: id, messageKey: error.messageKey('error.409.message') });
    }
  }
  return outcome;
}

/** One pair with both sides' names, for the page where staff decline or accept it. */
export async function getQueueEntry(db: Database, candidateId: number): Promise<QueueEntry> {
  const entry = await findQueueEntry(db, candidateId);
  if (!entry) throw new NotFoundError('no such candidate pair');
  const [withItsConsent] = await withConsent(db, [entry]);
  return withItsConsent!;
}
