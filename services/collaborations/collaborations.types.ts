import type { AuditRecord } from '../audit/index.js';
import type { OutsideAgreement } from '../brokering/brokering.types.js';
import type { CollaborationStage, ConsentBasis } from '../shared/enums.js';

export interface Collaboration {
  id: number;
  demandId: number;
  enterpriseId: number;
  leadTeamId: number;
  matchCandidateId: number | null;
  title: string;
  stage: CollaborationStage;
  contractValue: number | null;
  patentsGranted: number;
  newProducts: number;
  revenue: number;
  notes: string;
  /** Both sides' interest in the portal, or an agreement staff recorded; null for older records. */
  consentBasis: ConsentBasis | null;
  startedOn: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A row of the collaborations list: the record with the names a reader needs. */
export interface CollaborationSummary extends Collaboration {
  enterpriseName: string;
  leadTeamName: string;
  universityName: string;
  chainCode: string;
  overdueMilestones: number;
}

export interface Milestone {
  id: number;
  collaborationId: number;
  stage: CollaborationStage;
  title: string;
  dueOn: string;
  doneOn: string | null;
  /** Not done and due before today. */
  overdue: boolean;
}

export interface CollaborationDetail extends CollaborationSummary {
  demandTitle: string;
  teams: { teamId: number; teamName: string; universityName: string; isLead: boolean }[];
  milestones: Milestone[];
  /** Every change to the collaboration and its milestones, oldest first, from the audit log. */
  history: AuditRecord[];
  /** The agreement staff recorded outside the portal, when that is what consent rested on. */
  agreement: OutsideAgreement | null;
}

export interface OutcomesInput {
  contractValue: unknown;
  patentsGranted: unknown;
  newProducts: unknown;
  revenue: unknown;
}

export interface MilestoneInput {
  title: unknown;
  stage: unknown;
  dueOn: unknown;
}

export interface CollaborationFilter {
  chainCode?: string | null;
  stage?: CollaborationStage | null;
  enterpriseId?: number | null;
}
