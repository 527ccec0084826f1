import type { Database } from '../db/index.js';
import type { MatchingService } from './matching.service.js';
import {
  deleteSuggestedOnlyPairs,
  findPairsOfDemand,
  type SuggestedPairRow,
  upsertSuggestedPairs,
} from './suggestions.repository.js';

/** What writing a demand's top pairs did. */
export interface SavedTopPairs {
  demandId: number;
  /** The demand's top pairs now, teams then faculty, best first. */
  top: SuggestedPairRow[];
  /**
   * Pairs that were not in the table before: a team or faculty member that now ranks in this
   * demand's top. The place to tell them so (a notification written in this same transaction).
   */
  entered: SuggestedPairRow[];
  /** Suggested-only pairs that fell out of the top and were removed. */
  dropped: number;
}

const sameSide = (left: { teamId: number | null; facultyId: number | null }) => (right: typeof left) =>
  left.teamId === right.teamId && left.facultyId === right.facultyId;

/**
 * Writes a demand's new top pairs, inside the caller's transaction. Pairs that carry brokering
 * state (shortlisted, introduced, decided, or someone said interested) keep it and get only their
 * fresh score and explanation, in the top or not; suggested-only pairs that fell out are dropped.
 * The one place the suggestion worker writes suggestions.
 */
export async function saveDemandTopPairs(
  tx: Database,
  matching: MatchingService,
  demandId: number,
  perKind: number,
): Promise<SavedTopPairs> {
  const ranked = await matching.rankTopPairs(tx, demandId, perKind);
  if (!ranked) return { demandId, top: [], entered: [], dropped: 0 };
  const existing = await findPairsOfDemand(tx, demandId);
  const outside = existing.filter((pair) => !ranked.pairs.some(sameSide(pair)));
  const rescored = outside
    .filter((pair) => !pair.suggestedOnly)
    .flatMap((pair) => {
      const side =
        pair.teamId !== null
          ? { kind: 'team' as const, id: pair.teamId }
          : { kind: 'faculty' as const, id: pair.facultyId! };
      const fresh = ranked.rescore(side);
      return fresh ? [fresh] : [];
    });
  await upsertSuggestedPairs(tx, [...ranked.pairs, ...rescored]);
  const dropped = await deleteSuggestedOnlyPairs(
    tx,
    outside.filter((pair) => pair.suggestedOnly).map((pair) => pair.id),
  );
  const entered = ranked.pairs.filter((pair) => !existing.some(sameSide(pair)));
  return { demandId, top: ranked.pairs, entered, dropped };
}
