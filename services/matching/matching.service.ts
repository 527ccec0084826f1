import { sql } from 'drizzle-orm';
import { type MatchDocument, MatchIndex, type RankedMatch } from '../../matcher/index.js';
import type { DatabaseHandle } from '../db/index.js';
import { CHANGES_CHANNEL, type ChangeNotice, schema } from '../db/index.js';
import type { Logger } from '../shared/logger.js';
import {
  type DemandRow,
  demandDocument,
  documentId,
  type FacultyRow,
  facultyDocument,
  parseDocumentId,
  resultDocument,
  teamDocument,
  type WorkRow,
} from './match-documents.js';
import {
  INDEXED_DEMAND_STATUSES,
  loadDemandCards,
  loadDemandRows,
  loadFacultyCards,
  loadFacultyOfTeams,
  loadFacultyRows,
  loadPublishedDemandIds,
  loadResultCards,
  loadResultRows,
  loadTeamCards,
  loadTeamRows,
  loadWorkRows,
  type ProfileCard,
  teamsOfFaculty,
  teamsOfResults,
} from './matching.repository.js';
import type {
  ProfileFilters,
  ProfileKind,
  RankedDemand,
  RankedProfile,
  SearchHit,
} from './matching.types.js';

/** How many teams and how many faculty a demand gets as suggested candidates for brokering. */
export const SUGGESTIONS_PER_KIND = 10;

function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const idsOfKind = (matches: RankedMatch[]) => matches.map((match) => parseDocumentId(match.id).id);

/**
 * Keeps this process's matcher index in step with the database and answers ranking questions
 * with names attached. Every writer announces its changes (NOTIFY, delivered on commit); this
 * service listens, so any number of web processes stay in step, and the writing process also
 * refreshes at once so its own user sees the change on the next page.
 */
export class MatchingService {
  private readonly index = new MatchIndex();
  /** Which team each indexed faculty member is in, so a move refreshes the old team as well. */
  private readonly teamOfFaculty = new Map<number, number | null>();
  private queue: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | null = null;

  private constructor(
    private readonly database: DatabaseHandle,
    private readonly logger: Logger | null,
  ) {}

  static async start(database: DatabaseHandle, logger: Logger | null = null): Promise<MatchingService> {
    const service = new MatchingService(database, logger);
    service.unlisten = await database.listen(CHANGES_CHANNEL, (payload) => service.onNotice(payload));
    await service.rebuild();
    return service;
  }

  get size(): number {
    return this.index.size;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
    await this.queue;
  }

  /** Applies a change now (serialised with every other refresh) and resolves when it is indexed. */
  refresh(notice: ChangeNotice): Promise<void> {
    const next = this.queue.then(() => this.apply(notice));
    this.queue = next.catch((error) => this.logger?.error({ err: error, notice }, 'matcher refresh failed'));
    return next;
  }

  /** Waits until every refresh asked for so far is in the index. */
  settled(): Promise<void> {
    return this.queue;
  }

  private onNotice(payload: string): void {
    try {
      const notice = JSON.parse(payload) as ChangeNotice;
      if (notice && Array.isArray(notice.ids)) void this.refresh(notice);
    } catch {
      this.logger?.warn({ payload }, 'ignored a malformed change notice');
    }
  }

  private async rebuild(): Promise<void> {
    const { db } = this.database;
    const [facultyRows, workRows, teamRows, resultRows, demandRows] = await Promise.all([
      loadFacultyRows(db, 'all'),
      loadWorkRows(db, 'all'),
      loadTeamRows(db, 'all'),
      loadResultRows(db, 'all'),
      loadDemandRows(db, 'all'),
    ]);
    const worksByFaculty = groupBy(workRows, (work) => work.facultyId);
    for (const row of facultyRows) this.putFaculty(row, worksByFaculty.get(row.id) ?? []);
    this.putTeams(teamRows, facultyRows, worksByFaculty, resultRows);
    for (const row of resultRows) this.index.upsert(resultDocument(row));
    for (const row of demandRows) this.putDemand(row);
  }

  private putFaculty(row: FacultyRow, works: WorkRow[]): void {
    this.index.upsert(facultyDocument(row, works));
    this.teamOfFaculty.set(row.id, row.teamId);
  }

  private putTeams(
    teamRows: Awaited<ReturnType<typeof loadTeamRows>>,
    members: FacultyRow[],
    worksByFaculty: Map<number, WorkRow[]>,
    resultRows: Awaited<ReturnType<typeof loadResultRows>>,
  ): void {
    const membersByTeam = groupBy(members, (member) => member.teamId);
    const resultsByTeam = groupBy(resultRows, (result) => result.teamId);
    for (const team of teamRows) {
      const teamMembers = membersByTeam.get(team.id) ?? [];
      const works = teamMembers.flatMap((member) => worksByFaculty.get(member.id) ?? []);
      this.index.upsert(teamDocument(team, teamMembers, works, resultsByTeam.get(team.id) ?? []));
    }
  }

  private putDemand(row: DemandRow & { status: string }): void {
    const id = documentId('demand', row.id);
    if ((INDEXED_DEMAND_STATUSES as readonly string[]).includes(row.status))
      this.index.upsert(demandDocument(row));
    else this.index.remove(id);
  }

  private async apply(notice: ChangeNotice): Promise<void> {
    const { db } = this.database;
    const ids = [...new Set(notice.ids)];
    if (notice.entity === 'demand') {
      const rows = await loadDemandRows(db, ids);
      for (const row of rows) this.putDemand(row);
      this.removeMissing('demand', ids, rows);
      return;
    }
    if (notice.entity === 'faculty') {
      const rows = await loadFacultyRows(db, ids);
      const worksByFaculty = groupBy(await loadWorkRows(db, ids), (work) => work.facultyId);
      const formerTeams = ids
        .map((id) => this.teamOfFaculty.get(id))
        .filter((id): id is number => typeof id === 'number');
      for (const row of rows) this.putFaculty(row, worksByFaculty.get(row.id) ?? []);
      for (const id of ids) if (!rows.some((row) => row.id === id)) this.teamOfFaculty.delete(id);
      this.removeMissing('faculty', ids, rows);
      return this.applyTeams([...formerTeams, ...(await teamsOfFaculty(db, ids))]);
    }
    if (notice.entity === 'result') {
      const rows = await loadResultRows(db, { ids });
      for (const row of rows) this.index.upsert(resultDocument(row));
      this.removeMissing('result', ids, rows);
      return this.applyTeams(await teamsOfResults(db, ids));
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
    this.putTeams(teamRows, members, worksByFaculty, resultRows);
    this.removeMissing('team', ids, teamRows);
  }

  private removeMissing(kind: string, ids: number[], present: { id: number }[]): void {
    const found = new Set(present.map((row) => row.id));
    for (const id of ids) if (!found.has(id)) this.index.remove(documentId(kind, id));
  }

  /** The query a demand asks: its own text, whether or not it is published yet. */
  async demandQuery(demandId: number): Promise<MatchDocument | null> {
    const [row] = await loadDemandRows(this.database.db, [demandId]);
    return row ? demandDocument(row) : null;
  }

  async rankProfiles(
    query: MatchDocument | string,
    options: { kind: ProfileKind; k?: number; filters?: ProfileFilters; diversity?: boolean },
  ): Promise<RankedProfile[]> {
    await this.settled();
    const { filters = {} } = options;
    const matches = this.index.topK(query, {
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
        ? await loadTeamCards(this.database.db, ids)
        : options.kind === 'faculty'
          ? await loadFacultyCards(this.database.db, ids)
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
    await this.settled();
    const query = await this.profileQuery(kind, profileId);
    if (!query) return [];
    const matches = this.index.topK(query, { kind: 'demand', k });
    const cards = new Map(
      (await loadDemandCards(this.database.db, idsOfKind(matches))).map((card) => [card.id, card]),
    );
    return matches.flatMap((match) => {
      const card = cards.get(parseDocumentId(match.id).id);
      return card ? [{ ...card, score: match.score, terms: match.terms, evidence: match.evidence }] : [];
    });
  }

  /** A team or faculty member as a query: the same document the index holds for it. */
  private async profileQuery(kind: 'team' | 'faculty', profileId: number): Promise<MatchDocument | null> {
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
    await this.settled();
    const query = text.trim().slice(0, 500);
    if (!query) return [];
    return this.index
      .topK(query, { kind, k })
      .map((match) => ({ id: parseDocumentId(match.id).id, score: match.score, terms: match.terms }));
  }

  /** Public, published demands and results ready for industry that match what someone typed. */
  async searchPublic(text: string, k = 20): Promise<SearchHit[]> {
    await this.settled();
    const query = text.trim().slice(0, 500);
    if (!query) return [];
    // Ask for more demands than shown: confidential ones are ranked too, then left out.
    const demandMatches = this.index.topK(query, { kind: 'demand', k: k * 3 });
    const resultMatches = this.index.topK(query, { kind: 'result', k });
    const demandCards = new Map(
      (await loadDemandCards(this.database.db, idsOfKind(demandMatches))).map((card) => [card.id, card]),
    );
    const resultCards = new Map(
      (await loadResultCards(this.database.db, idsOfKind(resultMatches))).map((card) => [card.id, card]),
    );
    const hits: SearchHit[] = [];
    for (const match of demandMatches) {
      const card = demandCards.get(parseDocumentId(match.id).id);
      if (card?.visibility !== 'public' || card.status !== 'published') continue;
      hits.push({
        kind: 'demand',
        id: card.id,
        title: card.title,
        summary: card.description,
        chainCode: card.chainCode,
        owner: card.enterpriseName,
        score: match.score,
        terms: match.terms,
      });
    }
    for (const match of resultMatches) {
      const card = resultCards.get(parseDocumentId(match.id).id);
      if (!card) continue;
      hits.push({
        kind: 'result',
        id: card.id,
        title: card.title,
        summary: card.summary,
        chainCode: card.chainCode,
        owner: card.teamName ?? card.facultyName ?? '',
        score: match.score,
        terms: match.terms,
      });
    }
    return hits.sort((left, right) => right.score - left.score).slice(0, k);
  }

  /** Suggests candidates for every published demand: what a freshly seeded or imported city needs. */
  async suggestForPublishedDemands(perKind = SUGGESTIONS_PER_KIND): Promise<number> {
    return this.suggestCandidates(await loadPublishedDemandIds(this.database.db), perKind);
  }

  /**
   * Writes the best teams and faculty for each demand as suggested candidates for brokering.
   * A pair staff already acted on keeps its status; only its score and explanation are renewed.
   */
  async suggestCandidates(demandIds: number[], perKind = SUGGESTIONS_PER_KIND): Promise<number> {
    let written = 0;
    for (const demandId of demandIds) {
      const query = await this.demandQuery(demandId);
      if (!query) continue;
      await this.settled();
      const rows = (['team', 'faculty'] as const).flatMap((kind) =>
        this.index.topK(query, { kind, k: perKind }).map((match) => ({
          demandId,
          teamId: kind === 'team' ? parseDocumentId(match.id).id : null,
          facultyId: kind === 'faculty' ? parseDocumentId(match.id).id : null,
          score: match.score,
          explanation: {
            terms: match.terms.map((term) => [term.term, term.share] as [string, number]),
            evidence: match.evidence,
          },
        })),
      );
      if (rows.length === 0) continue;
      const { matchCandidates } = schema;
      await this.database.db
        .insert(matchCandidates)
        .values(rows)
        .onConflictDoUpdate({
          target: [matchCandidates.demandId, matchCandidates.teamId, matchCandidates.facultyId],
          set: { score: sql`excluded.score`, explanation: sql`excluded.explanation`, updatedAt: sql`now()` },
        });
      written += rows.length;
    }
    return written;
  }
}
