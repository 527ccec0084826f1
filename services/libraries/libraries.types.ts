import type { MatchTerm } from '../../matcher/index.js';

/**
 * Who is browsing, as the visibility rule needs it: the public, a firm (which also sees its own
 * demands), a university profile (which also sees confidential demands staff introduced it to),
 * or bureau staff (who see every demand).
 */
export type LibraryViewer =
  | { kind: 'public' }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'profile'; teamId: number | null; facultyId: number | null }
  | { kind: 'staff' };

export interface LibraryPage<Entry> {
  entries: (Entry & { score: number | null; terms: MatchTerm[] })[];
  /** Entries the viewer may see under these filters, across every page. */
  total: number;
  page: number;
  pages: number;
}

export interface DemandLibraryFilter {
  query: string;
  chain: string | null;
  demandClass: string | null;
  /** Demands whose expected TRL is at least this. */
  minTrl: number | null;
  /** A budget range in 万元: demands whose range overlaps it. */
  budgetFrom: number | null;
  budgetTo: number | null;
  /** Staff may look at any status; everyone else sees open demands (and a firm its own). */
  status: string | null;
  page: number;
}

export interface DemandLibraryEntry {
  id: number;
  title: string;
  description: string;
  enterpriseName: string;
  chainCode: string;
  demandClass: string;
  expectedTrl: number | null;
  budgetMin: number | null;
  budgetMax: number | null;
  deadline: string | null;
  visibility: string;
  status: string;
  createdAt: Date;
}

export interface ResultLibraryFilter {
  query: string;
  chain: string | null;
  universityId: number | null;
  minTrl: number | null;
  ipStatus: string | null;
  page: number;
}

export interface ResultLibraryEntry {
  id: number;
  title: string;
  summary: string;
  chainCode: string | null;
  trl: number | null;
  ipStatus: string;
  /** The team that owns the result itself; null when a faculty member does. */
  ownerTeamId: number | null;
  /** The owning team, or else the owning faculty member's team. */
  teamId: number | null;
  teamName: string | null;
  /** The faculty member who owns the result, if one does. */
  facultyId: number | null;
  facultyName: string | null;
  universityName: string;
  createdAt: Date;
}

export type ExpertKind = 'team' | 'faculty';

export interface ExpertLibraryFilter {
  query: string;
  kind: ExpertKind;
  chain: string | null;
  universityId: number | null;
  title: string | null;
  doctoralSupervisor: boolean;
  page: number;
}

/** A team or a faculty member as a library lists them: no contact details. */
export interface ExpertLibraryEntry {
  kind: ExpertKind;
  id: number;
  name: string;
  universityName: string;
  chainCode: string | null;
  teamName: string | null;
  facultyTitle: string | null;
  doctoralSupervisor: boolean;
  researchDirections: string[];
  text: string;
}

export interface LibraryCounts {
  demands: number;
  results: number;
  experts: number;
}
