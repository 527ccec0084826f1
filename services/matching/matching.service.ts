import type { MatchDocument, RankedMatch, TopKOptions } from '../../matcher/index.js';
import type { ChangedEntity, ChangeNotice, Database, DatabaseHandle, FeedChange } from '../db/index.js';
import { changeFeedRepository } from '../db/index.js';
import { findDemandsByIds } from '../demands/demands.repository.js';
import { listFacultyProfiles, listTeamProfiles } from '../profiles/profiles.service.js';
import type { Logger } from '../shared/logger.js';
import { type AppliedChanges, FeedFollower, type FeedStatus } from './feed-follower.js';
import { groupBy, IndexContents } from './index-contents.js';
import { IndexStateCache } from './index-state-cache.js';
import {
  demandDocument,
  documentId,
  facultyDocument,
  parseDocumentId,
  teamDocument,
} from './match-documents.js';
import {
  INDEXED_DEMAND_STATUSES,
  loadDemandRows,
  loadFacultyOfTeams,
  loadFacultyRows,
  loadResultCards,
  loadResultRows,
  loadTeamRows,
  loadWorkRows,
  type ProfileCard,
  teamsOfFaculty,
  teamsOfResults,
} from './matching.repository.js';
import type { ProfileFilters, ProfileKind, RankedDemand, RankedProfile } from './matching.types.js';
import { findIndexedDemandIds, type SuggestedPairRow } from './suggestions.repository.js';
import { saveDemandTopPairs } from './suggestions.service.js';

/** At most this many record ids are read in one step of applying the feed. */
const IDS_PER_APPLY = 5_000;

/** A change not applied after this long means the index is behind, and ranking pages say so. */
const BEHIND_AFTER_MS = 1_000;
/** How long one look at the feed answers "is this process behind?" for every page that asks. */
const BEHIND_CHECK_SERVES_MS = 250;

/** How many teams and how many faculty a demand gets as suggested candidates for brokering. */
export const SUGGESTIONS_PER_KIND = 10;

const idsOfKind = (matches: RankedMatch[]) => matches.map((match) => parseDocumentId(match.id).id);

/**
 * Keeps this process's matcher index in step with the database and answers ranking questions
 * with names attached. Every writer appends its changes to the change feed in its own
 * transaction; this service follows the feed (see FeedFollower), so any number of web processes
 * stay in step, and a writer waits (bounded) for its own change before its user's next page.
 */
export class MatchingService {
  private contents = new IndexContents();
  private readonly follower: FeedFollower;
  private readonly rankings = new IndexStateCache<RankedMatch[]>();
  private behindCheck: { at: number; answer: Promise<boolean> } | null = null;
  private readonly profileQueries = new IndexStateCache<MatchDocument | null>();
  private readonly rankedProfiles = new IndexStateCache<RankedProfile[]>();
  private readonly views = new IndexStateCache<unknown>();

  private constructor(
    private readonly database: DatabaseHandle,
    logger: Logger | null,
  ) {
    this.follower = new FeedFollower(
      database,
      { applyChanges: (changes) => this.applyChanges(changes), rebuild: () => this.rebuild() },
      logger,
    );
  }

  static async start(database: DatabaseHandle, logger: Logger | null = null): Promise<MatchingService> {
    const service = new MatchingService(database, logger);
    await service.follower.start();
    return service;
  }

  get size(): number {
    return this.contents.index.size;
  }

  /** The last change of the feed this process's index has applied. */
  get position(): number {
    return this.follower.appliedPosition;
  }

  /** Whether this process is listening for wake-ups now; while not, it polls the feed. */
  get listening(): boolean {
    return this.follower.isListening;
  }

  async stop(): Promise<void> {
    await this.follower.stop();
  }

  /**
   * Waits until this process has applied the feed up to a writer's change; true when it has,
   * false when the bounded wait ran out (the index will still get there: the page says so).
   */
  awaitChange(position: number, timeoutMs?: number): Promise<boolean> {
    return this.follower.waitFor(position, timeoutMs);
  }

  /** Reads and applies the feed now; resolves once everything written so far is applied (or failed and scheduled). */
  catchUp(): Promise<void> {
    return this.follower.requestCatchUp();
  }

  /** Hears each applied step of the feed: which records changed, up to which position. */
  onApplied(listener: (applied: AppliedChanges) => void): () => void {
    return this.follower.onApplied(listener);
  }

  /** Position, lag and listening state, for /healthz. */
  feedStatus(): Promise<FeedStatus> {
    return this.follower.status();
  }

  /**
   * True when a change written more than a moment ago is not yet in this process's index: pages that
   * rank then say the ranking is being updated. A change a few milliseconds old is not "behind".
   */
  isBehind(): Promise<boolean> {
    // Every ranked page asks; under load one answer serves the requests of a short moment.
    const now = Date.now();
    if (this.behindCheck && now - this.behindCheck.at < BEHIND_CHECK_SERVES_MS)
      return this.behindCheck.answer;
    const answer = changeFeedRepository
      .hasChangeWaitingLongerThan(this.database.db, this.position, BEHIND_AFTER_MS)
      .catch(() => true);
    this.behindCheck = { at: now, answer };
    return answer;
  }

  /**
   * A fresh index from the tables, swapped in whole. The position is read first: whatever was
   * written after it is in the tables read (or not yet), and applying it again is harmless.
   */
  private async rebuild(): Promise<number> {
    const { db } = this.database;
    const position = await changeFeedRepository.findLatestChangeId(db);
    const [facultyRows, workRows, teamRows, resultRows, demandRows] = await Promise.all([
      loadFacultyRows(db, 'all'),
      loadWorkRows(db, 'all'),
      loadTeamRows(db, 'all'),
      loadResultRows(db, 'all'),
      loadDemandRows(db, 'all'),
    ]);
    const fresh = new IndexContents();
    const worksByFaculty = groupBy(workRows, (work) => work.facultyId);
    for (const row of facultyRows) fresh.putFaculty(row, worksByFaculty.get(row.id) ?? []);
    fresh.putTeams(teamRows, facultyRows, worksByFaculty, resultRows);
    for (const row of resultRows) fresh.putResult(row);
    for (const row of demandRows) fresh.putDemand(row);
    this.contents = fresh;
    this.indexChanged();
    return position;
  }

  /**
   * Applies a batch of feed rows, coalesced by kind: each record is read once, as it is now. A big
   * import's rows are taken a few thousand ids at a time, so no query outgrows PostgreSQL's limit
   * of 65,535 parameters.
   */
  private async applyChanges(changes: FeedChange[]): Promise<void> {
    let chunk: FeedChange[] = [];
    let size = 0;
    for (const change of changes) {
      if (size > 0 && size + change.ids.length > IDS_PER_APPLY) {
        await this.applyCoalesced(chunk);
        chunk = [];
        size = 0;
      }
      chunk.push(change);
      size += change.ids.length;
    }
    if (chunk.length > 0) await this.applyCoalesced(chunk);
  }

  private async applyCoalesced(changes: FeedChange[]): Promise<void> {
    const idsOf = (entity: ChangedEntity) => [
      ...new Set(changes.filter((change) => change.entity === entity).flatMap((change) => change.ids)),
    ];
    await this.apply({ entity: 'faculty', ids: idsOf('faculty') });
    await this.apply({ entity: 'result', ids: idsOf('result') });
    await this.apply({ entity: 'team', ids: idsOf('team') });
    await this.apply({ entity: 'demand', ids: idsOf('demand') });
    this.indexChanged();
  }

  private indexChanged(): void {
    this.rankings.invalidate();
    this.profileQueries.invalidate();
    this.rankedProfiles.invalidate();
    this.views.invalidate();
    this.behindCheck = null;
  }

  /** The index's topK, answered from the cache while the index is unchanged. */
  private topK(query: MatchDocument | string, options: TopKOptions): RankedMatch[] {
    return this.rankings.get(JSON.stringify([query, options]), () =>
      this.contents.index.topK(query, options),
    );
  }

  private async apply(notice: ChangeNotice): Promise<void> {
    const { db } = this.database;
    const contents = this.contents;
    const ids = [...new Set(notice.ids)];
    if (ids.length === 0) return;
    if (notice.entity === 'demand') {
      const rows = await loadDemandRows(db, ids);
      for (const row of rows) contents.putDemand(row);
      contents.removeMissing('demand', ids, rows);
      return;
    }
    if (notice.entity === 'faculty') {
      const rows = await loadFacultyRows(db, ids);
      const worksByFaculty = groupBy(await loadWorkRows(db, ids), (work) => work.facultyId);
      const formerTeams = contents.formerTeamsOfFaculty(ids);
      for (const row of rows) contents.putFaculty(row, worksByFaculty.get(row.id) ?? []);
      contents.removeMissing('faculty', ids, rows);
      return this.applyTeams([...formerTeams, ...(await teamsOfFaculty(db, ids))]);
    }
    if (notice.entity === 'result') {
      const rows = await loadResultRows(db, { ids });
      const formerTeams = contents.formerTeamsOfResults(ids);
      for (const row of rows) contents.putResult(row);
      contents.removeMissing('result', ids, rows);
      return this.applyTeams([...formerTeams, ...(await teamsOfResults(db, ids))]);
    }
    return this.applyTeams(ids);
  }

  private async applyTeams(teamIds: number[]): Promise<void> {
    const ids = [...new Set(teamIds)];
    if (ids.length === 0) return;
    const { db } = this.database;
    const [teamRows, members, resultRows] = await Promise.all([
      loadTeamRows(db, ids),
      loadFacultyOfTeams(db, ids),
      loadResultRows(db, { teamIds: ids }),
    ]);
    const worksByFaculty = groupBy(
      await loadWorkRows(
        db,
        members.map((member) => member.id),
      ),
      (work) => work.facultyId,
    );
    this.contents.putTeams(teamRows, members, worksByFaculty, resultRows);
    this.contents.removeMissing('team', ids, teamRows);
  }

  /**
   * What pages build from rankings alone (their candidates worded in a language, ready to show),
   * kept like the rankings until the index next changes. The key must name everything the view
   * depends on besides the index; nothing about the viewer or a pair's brokering state belongs in it.
   */
  rememberUntilIndexChanges<View>(key: string, compute: () => Promise<View>): Promise<View> {
    return this.views.getAsync(key, compute) as Promise<View>;
  }

  /** The query a demand asks: its own text, whether or not it is published yet. */
  demandQuery(demandId: number): Promise<MatchDocument | null> {
    // A change to the demand is a change of the index, which forgets this answer.
    return this.profileQueries.getAsync(`demand:${demandId}`, async () => {
      const [row] = await loadDemandRows(this.database.db, [demandId]);
      return row ? demandDocument(row) : null;
    });
  }

  /**
   * The profiles that best answer a query, with their cards. Cards hold names, chains and titles
   * of profiles, which change only through the feed, so the whole answer is kept for the index's
   * state: a demand page seen again costs no statement for its candidates.
   */
  rankProfiles(
    query: MatchDocument | string,
    options: { kind: ProfileKind; k?: number; filters?: ProfileFilters; diversity?: boolean },
  ): Promise<RankedProfile[]> {
    return this.rankedProfiles.getAsync(JSON.stringify([query, options]), () =>
      this.rankProfilesNow(query, options),
    );
  }

  private async rankProfilesNow(
    query: MatchDocument | string,
    options: { kind: ProfileKind; k?: number; filters?: ProfileFilters; diversity?: boolean },
  ): Promise<RankedProfile[]> {
    const { filters = {} } = options;
    const matches = this.topK(query, {
      kind: options.kind,
      k: options.k ?? 20,
      diversity: options.diversity ?? false,
      filters: {
        ...(filters.chain ? { chain: filters.chain } : {}),
        ...(filters.universityId ? { university: String(filters.universityId) } : {}),
        ...(filters.title && options.kind === 'faculty' ? { title: filters.title } : {}),
        ...(filters.doctoralSupervisor && options.kind === 'faculty' ? { doctoralSupervisor: true } : {}),
      },
    });
    const ids = idsOfKind(matches);
    const cards: ProfileCard[] =
      options.kind === 'team'
        ? (await listTeamProfiles(this.database.db, ids)).map((team) => ({
            id: team.id,
            name: team.nameZh,
            universityId: team.universityId,
            universityName: team.universityName,
            chainCode: team.chainCode,
            teamName: team.nameZh,
            facultyTitle: null,
            doctoralSupervisor: false,
          }))
        : options.kind === 'faculty'
          ? (await listFacultyProfiles(this.database.db, ids)).map((member) => ({
              id: member.id,
              name: member.name,
              universityId: member.universityId,
              universityName: member.universityName,
              chainCode: member.chainCode,
              teamName: member.teamName,
              facultyTitle: member.title,
              doctoralSupervisor: member.isDoctoralSupervisor,
            }))
          : (await loadResultCards(this.database.db, ids)).map((result) => ({
              id: result.id,
              name: result.title,
              universityId: 0,
              universityName: '',
              chainCode: result.chainCode,
              teamName: result.teamName ?? result.facultyName,
              facultyTitle: null,
              doctoralSupervisor: false,
            }));
    const byId = new Map(cards.map((card) => [card.id, card]));
    return matches.flatMap((match) => {
      const card = byId.get(parseDocumentId(match.id).id);
      return card
        ? [{ ...card, kind: options.kind, score: match.score, terms: match.terms, evidence: match.evidence }]
        : [];
    });
  }

  /** Published demands ranked for a team or a faculty member, as their profile reads now. */
  async rankDemandsForProfile(kind: 'team' | 'faculty', profileId: number, k = 20): Promise<RankedDemand[]> {
    const matches = await this.rankDemandIdsForProfile(kind, profileId, k);
    const cards = new Map(
      (
        await findDemandsByIds(
          this.database.db,
          matches.map((match) => match.id),
        )
      ).map((card) => [card.id, card]),
    );
    return matches.flatMap((match) => {
      const card = cards.get(match.id);
      return card ? [{ ...card, score: match.score, terms: match.terms, evidence: match.evidence }] : [];
    });
  }

  /**
   * Published demands ranked for a team or a faculty member, ids and scores only: for callers that
   * read the demands themselves (to check who may see them), so no card is loaded twice.
   */
  async rankDemandIdsForProfile(
    kind: 'team' | 'faculty',
    profileId: number,
    k = 20,
  ): Promise<
    { id: number; score: number; terms: RankedMatch['terms']; evidence: RankedMatch['evidence'] }[]
  > {
    const query = await this.profileQuery(kind, profileId);
    if (!query) return [];
    return this.topK(query, { kind: 'demand', k }).map((match) => ({
      id: parseDocumentId(match.id).id,
      score: match.score,
      terms: match.terms,
      evidence: match.evidence,
    }));
  }

  /**
   * A team or faculty member as a query: the same document the index holds for it, read from the
   * tables once per state of the index (a change to the profile is a change of the index).
   */
  private profileQuery(kind: 'team' | 'faculty', profileId: number): Promise<MatchDocument | null> {
    return this.profileQueries.getAsync(`${kind}:${profileId}`, () => this.readProfileQuery(kind, profileId));
  }

  private async readProfileQuery(kind: 'team' | 'faculty', profileId: number): Promise<MatchDocument | null> {
    const { db } = this.database;
    if (kind === 'faculty') {
      const [row] = await loadFacultyRows(db, [profileId]);
      return row ? facultyDocument(row, await loadWorkRows(db, [profileId])) : null;
    }
    const [team] = await loadTeamRows(db, [profileId]);
    if (!team) return null;
    const members = await loadFacultyOfTeams(db, [profileId]);
    const works = await loadWorkRows(
      db,
      members.map((member) => member.id),
    );
    return teamDocument(team, members, works, await loadResultRows(db, { teamIds: [profileId] }));
  }

  /**
   * What someone typed, ranked over one kind of document: ids, scores and the terms that matched,
   * without names. The caller filters them (visibility, the library's filters) before showing any.
   */
  async searchIds(
    text: string,
    kind: 'demand' | ProfileKind,
    k: number,
  ): Promise<{ id: number; score: number; terms: RankedMatch['terms'] }[]> {
    const query = text.trim().slice(0, 500);
    if (!query) return [];
    return this.contents.index
      .topK(query, { kind, k })
      .map((match) => ({ id: parseDocumentId(match.id).id, score: match.score, terms: match.terms }));
  }

  /** Suggests candidates for every published demand: what a freshly seeded or imported city needs. */
  async suggestForPublishedDemands(perKind = SUGGESTIONS_PER_KIND): Promise<number> {
    return this.suggestCandidates(await findIndexedDemandIds(this.database.db, 'all'), perKind);
  }

  /**
   * Writes the best teams and faculty of each demand as suggested candidates for brokering, as the
   * suggestion worker does after a change (see saveDemandTopPairs). Resolves with the pairs written.
   */
  async suggestCandidates(demandIds: number[], perKind = SUGGESTIONS_PER_KIND): Promise<number> {
    let written = 0;
    for (const demandId of demandIds) {
      const saved = await this.database.db.transaction((tx) =>
        saveDemandTopPairs(tx, this, demandId, perKind),
      );
      written += saved.top.length;
    }
    return written;
  }

  /**
   * A demand's best teams and faculty as this index ranks them now, scoring above the floor, at most
   * `perKind` of each; null when the demand is not one the index ranks for (a draft, closed, gone).
   */
  async rankTopPairs(db: Database, demandId: number, perKind: number): Promise<TopPairs | null> {
    const [row] = await loadDemandRows(db, [demandId]);
    if (!row || !(INDEXED_DEMAND_STATUSES as readonly string[]).includes(row.status)) return null;
    const query = demandDocument(row);
    const pairs = (['team', 'faculty'] as const).flatMap((kind) =>
      this.contents.index
        .topK(query, { kind, k: perKind })
        .filter((match) => match.score > SUGGESTION_SCORE_FLOOR)
        .map((match) => toSuggestedPair(demandId, kind, match)),
    );
    return {
      pairs,
      rescore: (side) => {
        const match = this.contents.index.scorePair(query, documentId(side.kind, side.id));
        return match ? toSuggestedPair(demandId, side.kind, match) : null;
      },
    };
  }
}

/** A suggested pair must score above this; 0 keeps every pair the matcher finds any reason for. */
export const SUGGESTION_SCORE_FLOOR = 0;

export interface TopPairs {
  pairs: SuggestedPairRow[];
  /** The fresh score of a pair outside the top, for one that keeps its brokering state. */
  rescore(side: { kind: 'team' | 'faculty'; id: number }): SuggestedPairRow | null;
}

function toSuggestedPair(demandId: number, kind: 'team' | 'faculty', match: RankedMatch): SuggestedPairRow {
  const id = parseDocumentId(match.id).id;
  return {
    demandId,
    teamId: kind === 'team' ? id : null,
    facultyId: kind === 'faculty' ? id : null,
    score: match.score,
    explanation: {
      terms: match.terms.map((term) => [term.term, term.share] as [string, number]),
      evidence: match.evidence,
    },
  };
}
