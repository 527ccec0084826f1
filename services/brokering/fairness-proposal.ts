import type { Actor } from '../audit/index.js';
import type { Database } from '../db/index.js';
import type { MatchingService } from '../matching/index.js';
import { DomainError } from '../shared/errors.js';
import {
  countLiveIntroductions,
  findOpenDemands,
  findTeamCandidatesOfDemands,
  findTeamLimits,
  type OpenDemandCandidate,
} from './brokering.repository.js';
import { introduceMatch } from './brokering.service.js';
import type { IntroductionProposal, ProposedIntroduction } from './brokering.types.js';

/**
 * Multiplier applied to a pair's score once per earlier proposal that went to the same university.
 * At 0.8 a second team from one university must score 25% higher than another university's best to
 * win, so the proposal spreads work across the city's eleven universities without ignoring a clearly
 * better team. Default 0.8; 1 turns the spreading off, and below 0.5 score hardly counts any more.
 */
export const UNIVERSITY_REPEAT_PENALTY = 0.8;

/**
 * Proposes one team per open demand: repeatedly take the best remaining pair, by score discounted
 * for each time its university was already proposed, among teams with room under their limit and
 * demands not yet served. Pure, so it can be tested on its own.
 */
export function chooseProposals(
  candidates: OpenDemandCandidate[],
  roomOfTeam: Map<number, number>,
  penalty = UNIVERSITY_REPEAT_PENALTY,
): ProposedIntroduction[] {
  const room = new Map(roomOfTeam);
  const usesOfUniversity = new Map<number, number>();
  const served = new Set<number>();
  const chosen: ProposedIntroduction[] = [];
  for (;;) {
    let best: { candidate: OpenDemandCandidate; adjusted: number } | null = null;
    for (const candidate of candidates) {
      if (served.has(candidate.demandId) || (room.get(candidate.teamId) ?? 0) <= 0) continue;
      const adjusted = candidate.score * penalty ** (usesOfUniversity.get(candidate.universityId) ?? 0);
      if (!best || adjusted > best.adjusted) best = { candidate, adjusted };
    }
    if (!best) return chosen;
    const { candidate, adjusted } = best;
    chosen.push({ ...candidate, adjustedScore: adjusted });
    served.add(candidate.demandId);
    room.set(candidate.teamId, (room.get(candidate.teamId) ?? 0) - 1);
    usesOfUniversity.set(candidate.universityId, (usesOfUniversity.get(candidate.universityId) ?? 0) + 1);
  }
}

/**
 * Builds a chain's proposal for review; nothing is sent. Open demands that have no candidate pairs
 * yet are first given some by the matcher, so a freshly published demand is not left out.
 */
export async function proposeIntroductions(
  db: Database,
  matching: MatchingService | null,
  chainCode: string,
): Promise<IntroductionProposal> {
  const openDemands = await findOpenDemands(db, chainCode);
  const demandIds = openDemands.map((demand) => demand.id);
  let candidates = await findTeamCandidatesOfDemands(db, demandIds);
  const withCandidates = new Set(candidates.map((candidate) => candidate.demandId));
  const missing = demandIds.filter((id) => !withCandidates.has(id));
  if (matching && missing.length > 0) {
    await matching.suggestCandidates(missing);
    candidates = await findTeamCandidatesOfDemands(db, demandIds);
  }
  const teams = await findTeamLimits(db, [...new Set(candidates.map((candidate) => candidate.teamId))]);
  const live = await countLiveIntroductions(
    db,
    teams.map((team) => team.id),
  );
  const room = new Map(teams.map((team) => [team.id, team.introductionLimit - (live.get(team.id) ?? 0)]));
  const proposals = chooseProposals(candidates, room);
  const proposed = new Set(proposals.map((proposal) => proposal.demandId));
  return {
    chainCode,
    proposals: proposals.sort((left, right) => left.demandId - right.demandId),
    unfilled: openDemands
      .filter((demand) => !proposed.has(demand.id))
      .map((demand) => ({ demandId: demand.id, demandTitle: demand.title })),
  };
}

export interface ConfirmationOutcome {
  introduced: number[];
  refused: { candidateId: number; reason: string; messageKey: string }[];
}

/**
 * Introduces the pairs staff kept from a proposal, each in its own transaction: one refused pair
 * (the team filled up meanwhile, someone declined it) does not hold back the others.
 */
export async function confirmProposal(
  db: Database,
  actor: Actor,
  candidateIds: number[],
): Promise<ConfirmationOutcome> {
  const outcome: ConfirmationOutcome = { introduced: [], refused: [] };
  for (const candidateId of [...new Set(candidateIds)]) {
    try {
      await introduceMatch(db, actor, candidateId);
      outcome.introduced.push(candidateId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome.refused.push({
        candidateId,
        reason: error.message,
        messageKey: error.messageKey('brokering.refused.introduce'),
      });
    }
  }
  return outcome;
}
