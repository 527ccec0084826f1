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
 * The matcher index and what it must remember to be kept in step: which team each faculty member
 * and each result counted for when last indexed, so a move refreshes the team it left as well.
 * A rebuild fills a new one and swaps it in whole.
 */
export class IndexContents {
  readonly index = new MatchIndex();
  private readonly teamOfFaculty = new Map<number, number | null>();
  private readonly teamOfResult = new Map<number, number | null>();

  putFaculty(row: FacultyRow, works: WorkRow[]): void {
    this.index.upsert(facultyDocument(row, works));
    this.teamOfFaculty.set(row.id, row.teamId);
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
      this.index.upsert(teamDocument(team, teamMembers, works, resultsByTeam.get(team.id) ?? []));
    }
  }

  putResult(row: ResultRow): void {
    this.index.upsert(resultDocument(row));
    this.teamOfResult.set(row.id, row.teamId);
  }

  putDemand(row: DemandRow & { status: string }): void {
    const id = documentId('demand', row.id);
    if ((INDEXED_DEMAND_STATUSES as readonly string[]).includes(row.status))
      this.index.upsert(demandDocument(row));
    else this.index.remove(id);
  }

  formerTeamsOfFaculty(ids: number[]): number[] {
    return ids.map((id) => this.teamOfFaculty.get(id)).filter((id): id is number => typeof id === 'number');
  }

  formerTeamsOfResults(ids: number[]): number[] {
    return ids.map((id) => this.teamOfResult.get(id)).filter((id): id is number => typeof id === 'number');
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
      if (kind === 'faculty') this.teamOfFaculty.delete(id);
      if (kind === 'result') this.teamOfResult.delete(id);
    }
  }
}
