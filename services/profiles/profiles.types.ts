import type { EnterpriseSize, FacultyTitle, IpStatus, WorkKind } from '../shared/enums.js';

export interface TeamProfile {
  id: number;
  universityId: number;
  universityName: string;
  nameZh: string;
  nameEn: string | null;
  chainCode: string;
  researchDirections: string[];
  description: string;
  leaderId: number | null;
  updatedAt: Date;
}

export interface FacultyProfile {
  id: number;
  universityId: number;
  universityName: string;
  teamId: number | null;
  name: string;
  title: FacultyTitle;
  isDoctoralSupervisor: boolean;
  researchDirections: string[];
  bio: string;
  /** The chain the member is a chief scientist of, if any. */
  chiefScientistChain: string | null;
  teamName: string | null;
  /** The member's chain: their team's, or else the one they are chief scientist of. */
  chainCode: string | null;
  /** Contact details: only in the profile's own view and for staff. */
  email: string | null;
  phone: string | null;
  updatedAt: Date;
}

export interface Work {
  id: number;
  facultyId: number;
  kind: WorkKind;
  title: string;
  summary: string;
  year: number | null;
}

export interface ResultForIndustry {
  id: number;
  ownerTeamId: number | null;
  ownerFacultyId: number | null;
  chainCode: string | null;
  title: string;
  summary: string;
  trl: number | null;
  ipStatus: IpStatus;
}

/** Everything a university user keeps: their team (if they lead one), themselves (if a faculty member), works and results. */
export interface OwnProfile {
  team: TeamProfile | null;
  faculty: FacultyProfile | null;
  works: Work[];
  results: ResultForIndustry[];
}

export type Submission = Record<string, unknown>;

export interface Company {
  id: number;
  name: string;
  industry: string;
  size: EnterpriseSize;
  description: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export type CompanyFields = Omit<Company, 'id' | 'name'>;
