import type { MatchTerm } from '../../matcher/index.js';
import type { Database } from '../db/index.js';
import type { MatchingService } from '../matching/index.js';
import {
  CHAIN_CODES,
  DEMAND_CLASSES,
  DEMAND_STATUSES,
  FACULTY_TITLES,
  IP_STATUSES,
} from '../shared/enums.js';
import { NotFoundError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import {
  findDemandIds,
  findExpertIds,
  findResultIds,
  loadDemandEntries,
  loadExpertEntries,
  loadResultEntries,
  type RowSelection,
  type SelectedIds,
} from './libraries.repository.js';
import type {
  DemandLibraryEntry,
  DemandLibraryFilter,
  ExpertKind,
  ExpertLibraryEntry,
  ExpertLibraryFilter,
  LibraryCounts,
  LibraryPage,
  LibraryViewer,
  ResultLibraryEntry,
  ResultLibraryFilter,
} from './libraries.types.js';

/** Entries on one page of a library. */
export const LIBRARY_PAGE_SIZE = 20;
/**
 * How many ranked entries a query may reach. The city has about 1,500 profiles and a few hundred
 * demands and results, so this is every match; the filters then narrow the ranked list in SQL.
 */
const RANKED_LIMIT = 5000;
const QUERY_MAX_LENGTH = 200;

export interface LibraryDependencies {
  db: Database;
  matching: MatchingService;
}

export function viewerOf(user: User | null | undefined): LibraryViewer {
  if (!user) return { kind: 'public' };
  if (user.role === 'staff' || user.role === 'admin') return { kind: 'staff' };
  if (user.role === 'enterprise' && user.enterpriseId)
    return { kind: 'enterprise', enterpriseId: user.enterpriseId };
  if (user.role === 'university') return { kind: 'profile', teamId: user.teamId, facultyId: user.facultyId };
  return { kind: 'public' };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const oneOf = (value: unknown, allowed: readonly string[]) =>
  allowed.includes(text(value)) ? text(value) : null;
function wholeNumber(value: unknown, min: number, max: number): number | null {
  const raw = text(value).trim();
  if (!/^\d{1,7}$/.test(raw)) return null;
  const number = Number(raw);
  return number >= min && number <= max ? number : null;
}
const pageOf = (query: Record<string, unknown>) => wholeNumber(query.page, 1, 100_000) ?? 1;
const queryOf = (query: Record<string, unknown>) => text(query.q).trim().slice(0, QUERY_MAX_LENGTH);

/**
 * The filters of a library from a URL's query. A value the library does not know is ignored
 * (an old bookmark still opens), never an error; only staff may ask for a status other than open.
 */
export function parseDemandFilter(
  query: Record<string, unknown>,
  viewer: LibraryViewer,
): DemandLibraryFilter {
  const budgetFrom = wholeNumber(query.budgetFrom, 0, 1_000_000);
  const budgetTo = wholeNumber(query.budgetTo, 0, 1_000_000);
  const ordered = budgetFrom !== null && budgetTo !== null && budgetFrom > budgetTo;
  return {
    query: queryOf(query),
    chain: oneOf(query.chain, CHAIN_CODES),
    demandClass: oneOf(query.class, DEMAND_CLASSES),
    minTrl: wholeNumber(query.trl, 1, 9),
    budgetFrom: ordered ? budgetTo : budgetFrom,
    budgetTo: ordered ? budgetFrom : budgetTo,
    status: viewer.kind === 'staff' ? oneOf(query.status, DEMAND_STATUSES) : null,
    page: pageOf(query),
  };
}

export function parseResultFilter(query: Record<string, unknown>): ResultLibraryFilter {
  return {
    query: queryOf(query),
    chain: oneOf(query.chain, CHAIN_CODES),
    universityId: wholeNumber(query.university, 1, 999_999),
    minTrl: wholeNumber(query.trl, 1, 9),
    ipStatus: oneOf(query.ip, IP_STATUSES),
    page: pageOf(query),
  };
}

export function parseExpertFilter(query: Record<string, unknown>): ExpertLibraryFilter {
  const kind: ExpertKind = query.kind === 'faculty' ? 'faculty' : 'team';
  return {
    query: queryOf(query),
    kind,
    chain: oneOf(query.chain, CHAIN_CODES),
    universityId: wholeNumber(query.university, 1, 999_999),
    title: kind === 'faculty' ? oneOf(query.title, FACULTY_TITLES) : null,
    doctoralSupervisor: kind === 'faculty' && (query.supervisor === '1' || query.supervisor === 'true'),
    page: pageOf(query),
  };
}

type Ranked = { id: number; score: number; terms: MatchTerm[] };

/**
 * A page of a library: ranked by the matcher when there is a query (the filters then keep the
 * ranked ids they allow, in rank order), newest first otherwise (the filters and the page in SQL).
 */
async function pageOfLibrary<Entry extends { id: number }>(
  ranked: Ranked[] | null,
  page: number,
  select: (selection: RowSelection) => Promise<SelectedIds>,
  load: (ids: number[]) => Promise<Entry[]>,
): Promise<LibraryPage<Entry>> {
  const size = LIBRARY_PAGE_SIZE;
  let selected: SelectedIds;
  let pageIds: number[];
  let current = page;
  if (ranked) {
    selected = await select({ ids: ranked.map((entry) => entry.id) });
    const pages = Math.max(1, Math.ceil(selected.total / size));
    current = Math.min(page, pages);
    pageIds = selected.ids.slice((current - 1) * size, current * size);
  } else {
    selected = await select({ limit: size, offset: (page - 1) * size });
    const pages = Math.max(1, Math.ceil(selected.total / size));
    if (page > pages) {
      current = pages;
      selected = await select({ limit: size, offset: (pages - 1) * size });
    }
    pageIds = selected.ids;
  }
  const byId = new Map((await load(pageIds)).map((entry) => [entry.id, entry]));
  const rankOf = new Map((ranked ?? []).map((entry) => [entry.id, entry]));
  return {
    entries: pageIds.flatMap((id) => {
      const entry = byId.get(id);
      if (!entry) return [];
      const rank = rankOf.get(id);
      return [{ ...entry, score: rank?.score ?? null, terms: rank?.terms ?? [] }];
    }),
    total: selected.total,
    page: current,
    pages: Math.max(1, Math.ceil(selected.total / size)),
  };
}

async function ranked(
  matching: MatchingService,
  query: string,
  kind: 'demand' | 'result' | 'team' | 'faculty',
): Promise<Ranked[] | null> {
  if (!query) return null;
  return matching.searchIds(query, kind, RANKED_LIMIT);
}

export async function browseDemands(
  deps: LibraryDependencies,
  viewer: LibraryViewer,
  filter: DemandLibraryFilter,
): Promise<LibraryPage<DemandLibraryEntry>> {
  return pageOfLibrary(
    await ranked(deps.matching, filter.query, 'demand'),
    filter.page,
    (selection) => findDemandIds(deps.db, viewer, filter, selection),
    (ids) => loadDemandEntries(deps.db, ids),
  );
}

export async function browseResults(
  deps: LibraryDependencies,
  filter: ResultLibraryFilter,
): Promise<LibraryPage<ResultLibraryEntry>> {
  return pageOfLibrary(
    await ranked(deps.matching, filter.query, 'result'),
    filter.page,
    (selection) => findResultIds(deps.db, filter, selection),
    (ids) => loadResultEntries(deps.db, ids),
  );
}

export async function browseExperts(
  deps: LibraryDependencies,
  filter: ExpertLibraryFilter,
): Promise<LibraryPage<ExpertLibraryEntry>> {
  return pageOfLibrary(
    await ranked(deps.matching, filter.query, filter.kind),
    filter.page,
    (selection) => findExpertIds(deps.db, filter, selection),
    (ids) => loadExpertEntries(deps.db, filter.kind, ids),
  );
}

/** How many entries of each library a query finds for this viewer, for the search's tabs. */
export async function countLibraries(
  deps: LibraryDependencies,
  viewer: LibraryViewer,
  query: string,
): Promise<LibraryCounts> {
  const empty = { query, page: 1 };
  const [demands, results, teams, faculty] = await Promise.all([
    ranked(deps.matching, query, 'demand').then((rows) =>
      findDemandIds(
        deps.db,
        viewer,
        parseDemandFilter(empty, viewer),
        rows ? { ids: rows.map((row) => row.id) } : { limit: 0, offset: 0 },
      ),
    ),
    ranked(deps.matching, query, 'result').then((rows) =>
      findResultIds(
        deps.db,
        parseResultFilter(empty),
        rows ? { ids: rows.map((row) => row.id) } : { limit: 0, offset: 0 },
      ),
    ),
    ranked(deps.matching, query, 'team').then((rows) =>
      findExpertIds(
        deps.db,
        parseExpertFilter({ ...empty, kind: 'team' }),
        rows ? { ids: rows.map((row) => row.id) } : { limit: 0, offset: 0 },
      ),
    ),
    ranked(deps.matching, query, 'faculty').then((rows) =>
      findExpertIds(
        deps.db,
        parseExpertFilter({ ...empty, kind: 'faculty' }),
        rows ? { ids: rows.map((row) => row.id) } : { limit: 0, offset: 0 },
      ),
    ),
  ]);
  return { demands: demands.total, results: results.total, experts: teams.total + faculty.total };
}

/** One demand as the library shows it, if this viewer may see it and it is open; else "not found". */
export async function findLibraryDemand(db: Database, viewer: LibraryViewer, demandId: number) {
  const filter = parseDemandFilter({}, viewer);
  const { ids } = await findDemandIds(db, viewer, filter, { ids: [demandId] });
  const [demand] = ids.length ? await loadDemandEntries(db, ids) : [];
  if (!demand) throw new NotFoundError('no such demand');
  return demand;
}
