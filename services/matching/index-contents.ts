import { MatchIndex } from '../../matcher/index.js';
import {
  type DemandRow,
  demandDocument,
  documentId,
  type FacultyRow,
  facultyDocument,
  type ResultRow,
  resultDocument,
  type TeamRow,
  teamDocument,
  type WorkRow,
} from './match-documents.js';
import { INDEXED_DEMAND_STATUSES } from './matching.repository.js';

export function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * The matcher index and what it must remember to be kept in step: which members and results each
 * team's document counted when it was built, so that a move refreshes every team that still
 * counts what moved. A document is built from the tables as they are when it is read, which may
 * be ahead of the feed position applied: a team read just after a result moved to it counts that
 * result before the result's own feed row arrives. Remembering what each team document holds,
 * rather than where each record was last seen, keeps such a team from holding it for ever.
 * A rebuild fills a new one and swaps it in whole.
 */
export class IndexContents {
  readonly index = new MatchIndex();
  private readonly countedByTeam = new Map<number, { members: number[]; results: number[] }>();

  putFaculty(row: FacultyRow, works: WorkRow[]): void {
    this.index.upsert(facultyDocument(row, works));
  }

  putTeams(
    teamRows: TeamRow[],
    members: FacultyRow[],
    worksByFaculty: Map<number, WorkRow[]>,
    resultRows: ResultRow[],
  ): void {
    const membersByTeam = groupBy(members, (member) => member.teamId);
    const resultsByTeam = groupBy(resultRows, (result) => result.teamId);
    for (const team of teamRows) {
      const teamMembers = membersByTeam.get(team.id) ?? [];
      const works = teamMembers.flatMap((member) => worksByFaculty.get(member.id) ?? []);
      const teamResults = resultsByTeam.get(team.id) ?? [];
      this.index.upsert(teamDocument(team, teamMembers, works, teamResults));
      this.countedByTeam.set(team.id, {
        members: teamMembers.map((member) => member.id),
        results: teamResults.map((result) => result.id),
      });
    }
  }

  putResult(row: ResultRow): void {
    this.index.upsert(resultDocument(row));
  }

  putDemand(row: DemandRow & { status: string }): void {
    const id = documentId('demand', row.id);
    if ((INDEXED_DEMAND_STATUSES as readonly string[]).includes(row.status))
      this.index.upsert(demandDocument(row));
    else this.index.remove(id);
  }

  /** The teams whose documents count any of these faculty members now. */
  formerTeamsOfFaculty(ids: number[]): number[] {
    return this.teamsCounting('members', ids);
  }

  /** The teams whose documents count any of these results now. */
  formerTeamsOfResults(ids: number[]): number[] {
    return this.teamsCounting('results', ids);
  }

  private teamsCounting(part: 'members' | 'results', ids: number[]): number[] {
    const wanted = new Set(ids);
    const teams: number[] = [];
    for (const [teamId, counted] of this.countedByTeam)
      if (counted[part].some((id) => wanted.has(id))) teams.push(teamId);
    return teams;
  }

  /** Removes the records of these ids that the database no longer holds. */
  removeMissing(
    kind: 'demand' | 'team' | 'faculty' | 'result',
    ids: number[],
    present: { id: number }[],
  ): void {
    const found = new Set(present.map((row) => row.id));
    for (const id of ids) {
      if (found.has(id)) continue;
      this.index.remove(documentId(kind, id));
      if (kind === 'team') this.countedByTeam.delete(id);
    }
  }
}
