import type { MatchDocument, MatchWork } from '../../matcher/index.js';

/** Document ids in the index: the kind and the database id, so one index holds every kind. */
export const documentId = (kind: string, id: number) => `${kind}:${id}`;

export function parseDocumentId(value: string): { kind: string; id: number } {
  const [kind, id] = value.split(':');
  return { kind: kind ?? '', id: Number(id) };
}

export interface WorkRow {
  facultyId: number;
  kind: string;
  title: string;
  summary: string;
  year: number | null;
}

export interface FacultyRow {
  id: number;
  universityId: number;
  teamId: number | null;
  teamChain: string | null;
  chiefScientistChain: string | null;
  title: string;
  isDoctoralSupervisor: boolean;
  researchDirections: string[];
  bio: string;
}

export interface TeamRow {
  id: number;
  universityId: number;
  nameZh: string;
  nameEn: string | null;
  chainCode: string;
  researchDirections: string[];
  description: string;
}

export interface ResultRow {
  id: number;
  title: string;
  summary: string;
  chainCode: string | null;
  universityId: number | null;
  teamId: number | null;
}

export interface DemandRow {
  id: number;
  title: string;
  titleEn: string | null;
  description: string;
  chainCode: string;
}

const toWork = (work: WorkRow): MatchWork => ({
  title: work.title,
  text: work.summary,
  kind: work.kind,
  ...(work.year ? { year: work.year } : {}),
});

export function facultyDocument(row: FacultyRow, works: WorkRow[]): MatchDocument {
  const chain = row.teamChain ?? row.chiefScientistChain;
  return {
    id: documentId('faculty', row.id),
    kind: 'faculty',
    keywords: row.researchDirections,
    text: row.bio,
    works: works.map(toWork),
    attributes: {
      university: String(row.universityId),
      title: row.title,
      doctoralSupervisor: row.isDoctoralSupervisor,
      ...(chain ? { chain } : {}),
      ...(row.teamId ? { team: String(row.teamId) } : {}),
    },
  };
}

/**
 * A team is judged by its own description and directions and by what its members have done:
 * their directions join its keywords and their works and the team's results are its evidence.
 */
export function teamDocument(
  row: TeamRow,
  members: FacultyRow[],
  works: WorkRow[],
  results: ResultRow[],
): MatchDocument {
  const keywords = [
    ...new Set([...row.researchDirections, ...members.flatMap((member) => member.researchDirections)]),
  ];
  return {
    id: documentId('team', row.id),
    kind: 'team',
    title: [row.nameZh, row.nameEn].filter(Boolean).join(' '),
    keywords,
    text: row.description,
    works: [
      ...works.map(toWork),
      ...results.map((result) => ({ title: result.title, text: result.summary, kind: 'result' })),
    ],
    attributes: { chain: row.chainCode, university: String(row.universityId), team: String(row.id) },
  };
}

export function resultDocument(row: ResultRow): MatchDocument {
  return {
    id: documentId('result', row.id),
    kind: 'result',
    title: row.title,
    text: row.summary,
    attributes: {
      ...(row.chainCode ? { chain: row.chainCode } : {}),
      ...(row.universityId ? { university: String(row.universityId) } : {}),
      ...(row.teamId ? { team: String(row.teamId) } : {}),
    },
  };
}

export function demandDocument(row: DemandRow): MatchDocument {
  return {
    id: documentId('demand', row.id),
    kind: 'demand',
    title: [row.title, row.titleEn].filter(Boolean).join(' '),
    text: row.description,
    attributes: { chain: row.chainCode },
  };
}
