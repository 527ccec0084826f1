import { KeptWhileUnchanged } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { findCandidatesOfDemand } from '../introductions/introductions.repository.js';
import type { CandidateState } from '../introductions/introductions.types.js';
import {
  type ProfileFilters,
  type ProfileKind,
  type RankedProfile,
  wordExplanation,
} from '../matching/index.js';
import { CHAIN_CODES, FACULTY_TITLES } from '../shared/enums.js';
import type { User } from '../users/index.js';
import { findDemandById, listUniversities } from './demands.repository.js';
import { demandForCandidatesOf } from './demands.service.js';
import type { Demand, PortalDependencies } from './demands.types.js';

/** How many teams and how many faculty a demand page lists. */
export const CANDIDATES_PER_KIND = 10;

export interface RankedCandidate extends RankedProfile {
  /** The matcher's reason in a sentence, in the reader's language. */
  explanation: string;
  /** The brokering row for this pair, when there is one. */
  state: CandidateState | null;
}

export interface DemandCandidates {
  demand: Demand;
  filters: ProfileFilters;
  teams: RankedCandidate[];
  faculty: RankedCandidate[];
  /**
   * The ranking the candidates come from, in the same order, as kept until the index changes:
   * the same object for every request until then, so a page may keep what it renders from it
   * beside it (in a WeakMap) and never show a ranking the index has left.
   */
  ranking: WordedRanking;
}

/** A demand's best teams and faculty with their reasons worded, without anything about the viewer. */
export interface WordedRanking {
  teams: WordedCandidate[];
  faculty: WordedCandidate[];
}

export const explainMatch = (match: Pick<RankedProfile, 'terms' | 'evidence'>, locale: Locale) =>
  wordExplanation(match, locale);

/** Filters from a query string; a value that is not one of the known ones is ignored, never an error. */
export function parseProfileFilters(query: Record<string, unknown>): ProfileFilters {
  const filters: ProfileFilters = {};
  if ((CHAIN_CODES as readonly unknown[]).includes(query.chain)) filters.chain = query.chain as string;
  if (typeof query.university === 'string' && /^\d{1,9}$/.test(query.university))
    filters.universityId = Number(query.university);
  if ((FACULTY_TITLES as readonly unknown[]).includes(query.title)) filters.title = query.title as string;
  if (
    query.doctoralSupervisor === '1' ||
    query.doctoralSupervisor === 'true' ||
    query.doctoralSupervisor === true
  )
    filters.doctoralSupervisor = true;
  return filters;
}

/** A demand's row and its pairs, as read while no pair, demand or firm has been written since. */
const keptDemandsWithPairs = new KeptWhileUnchanged<{ demand: Demand | null; states: CandidateState[] }>(
  'pairs',
);

/** The ranked teams and faculty for a demand, for its enterprise or staff only, with why each fits. */
export async function rankCandidatesForDemand(
  deps: PortalDependencies,
  user: User,
  demandId: number,
  filters: ProfileFilters,
  locale: Locale,
): Promise<DemandCandidates> {
  // The demand and its pairs' brokering state are read again after any write to them; the ranking
  // and its wording are the same for every viewer until the index changes. Who may see the
  // candidates is decided for every request.
  const [read, ranked] = await Promise.all([
    keptDemandsWithPairs.get(deps.db, String(demandId), async () => {
      const [demand, states] = await Promise.all([
        findDemandById(deps.db, demandId),
        findCandidatesOfDemand(deps.db, demandId),
      ]);
      return { demand, states };
    }),
    rankedCandidates(deps, demandId, filters, locale),
  ]);
  const demand = await demandForCandidatesOf(deps.db, user, read.demand);
  const { states } = read;
  const stateOf = (kind: ProfileKind, id: number) =>
    states.find((state) => (kind === 'team' ? state.teamId === id : state.facultyId === id)) ?? null;
  const withState = (candidates: WordedCandidate[]) =>
    candidates.map((candidate) => ({ ...candidate, state: stateOf(candidate.kind, candidate.id) }));
  return {
    demand,
    filters,
    teams: withState(ranked.teams),
    faculty: withState(ranked.faculty),
    ranking: ranked,
  };
}

export type WordedCandidate = Omit<RankedCandidate, 'state'>;

/** A demand's best teams and faculty with their reasons in one language, kept until the index changes. */
function rankedCandidates(
  deps: PortalDependencies,
  demandId: number,
  filters: ProfileFilters,
  locale: Locale,
): Promise<WordedRanking> {
  const key = `demand-candidates:${demandId}:${locale}:${JSON.stringify(filters)}`;
  return deps.matching.rememberUntilIndexChanges(key, async () => {
    const query = await deps.matching.demandQuery(demandId);
    if (!query) return { teams: [], faculty: [] };
    const teamFilters = { ...filters };
    // Teams have no title and no supervisors; those filters narrow faculty only.
    delete teamFilters.title;
    delete teamFilters.doctoralSupervisor;
    const [teams, faculty] = await Promise.all([
      deps.matching.rankProfiles(query, { kind: 'team', k: CANDIDATES_PER_KIND, filters: teamFilters }),
      deps.matching.rankProfiles(query, { kind: 'faculty', k: CANDIDATES_PER_KIND, filters }),
    ]);
    const worded = (profiles: RankedProfile[]) =>
      profiles.map((profile) => ({ ...profile, explanation: explainMatch(profile, locale) }));
    return { teams: worded(teams), faculty: worded(faculty) };
  });
}

/**
 * The universities, for the filters of the ranking pages. Only the seed and the bench write them;
 * they are read again whenever the index changes, like everything kept beside it.
 */
export function listUniversitiesForFilters(deps: PortalDependencies) {
  return deps.matching.rememberUntilIndexChanges('universities', () => listUniversities(deps.db));
}
