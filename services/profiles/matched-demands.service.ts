import { KeptWhileUnchanged } from '../db/index.js';
import { explainMatch } from '../demands/demand-candidates.service.js';
import { findDemandsByIds, listDemandIdsVisibleToProfile } from '../demands/demands.repository.js';
import { profileLinkOf } from '../demands/demands.service.js';
import type { Demand, PortalDependencies } from '../demands/demands.types.js';
import type { Locale } from '../i18n/index.js';
import { findPairsOfSide } from '../introductions/introductions.repository.js';
import { profileSideOf } from '../introductions/introductions.service.js';
import type { CandidateState } from '../introductions/introductions.types.js';
import { ForbiddenError } from '../shared/errors.js';
import type { User } from '../users/index.js';

type RankedMatchOfProfile = Awaited<
  ReturnType<PortalDependencies['matching']['rankDemandIdsForProfile']>
>[number];

/** How many demands the matched-demands page lists. */
export const MATCHED_DEMANDS_SHOWN = 20;
/** The ranking holds confidential demands too; ask for more so enough visible ones remain after filtering. */
const RANKING_DEPTH = 200;
/** Confidential demands staff introduced the profile to, listed whether or not they rank. */
const INTRODUCED_SHOWN = 100;

export interface MatchedDemand {
  demand: Demand;
  score: number;
  terms: { term: string; share: number }[];
  explanation: string;
  state: CandidateState | null;
  /**
   * The ranked match the card comes from, as kept until the index changes: the same object for
   * every request until then, so a page may keep what it renders from it beside it. Null for a
   * confidential demand shown because staff introduced the profile to it.
   */
  match: RankedMatchOfProfile | null;
}

/** Numbers each ranking kept until the index changes, so what is kept beside it names the one it used. */
let rankingsMade = 0;
const keptMatched = new KeptWhileUnchanged<MatchedDemand[]>('pairs');

/**
 * The demands ranked for a university user's team (or, without one, for them as faculty), as their
 * profile reads now: open public demands and confidential ones staff introduced them to, with why.
 * The list is kept and shared while nothing it shows changes: treat it as read-only.
 */
export async function rankDemandsForUser(
  deps: PortalDependencies,
  user: User,
  locale: Locale,
): Promise<MatchedDemand[]> {
  const side = profileSideOf(user);
  if (!side) throw new ForbiddenError('only university teams and faculty are matched to demands');
  // The ranking and its wording are the same for everyone until the index changes.
  const { ranked, worded, rankingNumber } = await deps.matching.rememberUntilIndexChanges(
    `matched-demands:${side.kind}:${side.id}:${locale}`,
    async () => ({
      ranked: await deps.matching.rankDemandIdsForProfile(side.kind, side.id, RANKING_DEPTH),
      // Worded when first shown: most of the 200 ranked never are.
      worded: new Map<number, string>(),
      rankingNumber: ++rankingsMade,
    }),
  );
  // What the ranking meets in the tables (who may see which demand, their rows, the pairs' state)
  // is kept until a pair, a demand or a firm is next written.
  const key = JSON.stringify([rankingNumber, profileLinkOf(user)]);
  return keptMatched.get(deps.db, key, () => readMatchedDemands(deps, user, side, ranked, worded, locale));
}

async function readMatchedDemands(
  deps: PortalDependencies,
  user: User,
  side: NonNullable<ReturnType<typeof profileSideOf>>,
  ranked: RankedMatchOfProfile[],
  worded: Map<number, string>,
  locale: Locale,
): Promise<MatchedDemand[]> {
  const explanationOf = (match: (typeof ranked)[number]) => {
    const known = worded.get(match.id);
    if (known !== undefined) return known;
    const text = explainMatch(match, locale);
    worded.set(match.id, text);
    return text;
  };
  const rankedIds = new Set(ranked.map((match) => match.id));
  // Who may see what, in one read: the ranked public demands that are open, and every demand
  // staff introduced this profile to (confidential ones included, ranked or not).
  const visible = await listDemandIdsVisibleToProfile(
    deps.db,
    profileLinkOf(user),
    ranked.length + INTRODUCED_SHOWN,
    { publicAmong: [...rankedIds] },
  );
  const introducedConfidential = visible
    .filter((demand) => demand.visibility === 'confidential' && !rankedIds.has(demand.id))
    .slice(0, INTRODUCED_SHOWN)
    .map((demand) => demand.id);
  const visibleIds = new Set(visible.map((demand) => demand.id));
  const shown = ranked.filter((match) => visibleIds.has(match.id)).slice(0, MATCHED_DEMANDS_SHOWN);
  // Only the shown demands' rows are read, and their pairs with this profile.
  const shownIds = [...shown.map((match) => match.id), ...introducedConfidential];
  const [rows, states] = await Promise.all([
    findDemandsByIds(deps.db, shownIds),
    findPairsOfSide(deps.db, side, shownIds),
  ]);
  const byId = new Map(rows.map((demand) => [demand.id, demand]));
  const stateOf = (demandId: number) =>
    states.find(
      (state) =>
        state.demandId === demandId &&
        (side.kind === 'team' ? state.teamId === side.id : state.facultyId === side.id),
    ) ?? null;
  return [
    ...introducedConfidential.flatMap((id) => {
      const demand = byId.get(id);
      return demand
        ? [{ demand, score: 0, terms: [], explanation: '', state: stateOf(id), match: null }]
        : [];
    }),
    ...shown
      .filter((match) => byId.has(match.id))
      .map((match) => ({
        demand: byId.get(match.id)!,
        score: match.score,
        terms: match.terms,
        explanation: explanationOf(match),
        state: stateOf(match.id),
        match,
      })),
  ];
}
