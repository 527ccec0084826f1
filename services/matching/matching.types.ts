import type { MatchEvidence, MatchTerm, ProfileKind } from '../../matcher/index.js';

export type { ProfileKind };

export interface ProfileFilters {
  chain?: string;
  universityId?: number;
  title?: string;
  doctoralSupervisor?: boolean;
}

/** A ranked team, faculty member or result, with what a person needs to judge it. */
export interface RankedProfile {
  kind: ProfileKind;
  id: number;
  name: string;
  universityId: number;
  universityName: string;
  chainCode: string | null;
  teamName: string | null;
  facultyTitle: string | null;
  doctoralSupervisor: boolean;
  score: number;
  terms: MatchTerm[];
  evidence: MatchEvidence | null;
}

export interface RankedDemand {
  id: number;
  title: string;
  enterpriseId: number;
  enterpriseName: string;
  chainCode: string;
  demandClass: string;
  visibility: string;
  score: number;
  terms: MatchTerm[];
  evidence: MatchEvidence | null;
}
