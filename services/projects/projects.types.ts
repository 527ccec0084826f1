import type { AuditRecord } from '../audit/index.js';
import type { ChainCode, PartnerKind, ProjectStatus, SupportKind } from '../shared/enums.js';

/** A project of the choke-point library. Budget in 万元. */
export interface ChokepointProject {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  demandId: number | null;
  demandTitle: string | null;
  collaborationId: number | null;
  collaborationTitle: string | null;
  title: string;
  chainCode: ChainCode;
  breakthrough: string;
  goals: string;
  plan: string;
  attachments: string[];
  budget: number;
  startsOn: string;
  endsOn: string;
  status: ProjectStatus;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  submittedAt: Date;
  admittedOn: string | null;
  updatedAt: Date;
}

export interface ProjectTeam {
  teamId: number;
  teamName: string;
  universityName: string;
}

/** One item of 拨投贷保 support. Money in yuan. */
export interface SupportItem {
  id: number;
  projectId: number;
  kind: SupportKind;
  partnerId: number | null;
  partnerName: string | null;
  amount: number;
  grantedOn: string;
  budgetLine: string | null;
  multiplier: number | null;
  creditedAmount: number | null;
  termMonths: number | null;
  ratePercent: number | null;
  benchmarkRatePercent: number | null;
  collateral: boolean | null;
  riskCompensationPercent: number | null;
  riskCompensation: number | null;
  cover: number | null;
  subsidyPercent: number | null;
  subsidy: number | null;
  overriddenRules: string[];
  overrideReason: string | null;
  recordedBy: string;
  createdAt: Date;
}

/** The whole package of support a project has, by kind, and its total. */
export interface SupportPackage {
  items: SupportItem[];
  grants: number;
  investment: number;
  creditedInvestment: number;
  loans: number;
  riskCompensation: number;
  premiums: number;
  cover: number;
  subsidies: number;
  /** What reaches the firm: grants + investment + loan principal + premium subsidies. */
  total: number;
}

export interface ProjectDetail extends ChokepointProject {
  teams: ProjectTeam[];
  support: SupportPackage;
  history: AuditRecord[];
}

export interface ProjectFilter {
  chainCode?: ChainCode | null;
  status?: ProjectStatus | null;
  enterpriseId?: number | null;
  /** Words in the title, the technology to break through or the firm's name. */
  text?: string | null;
}

export interface ProjectLibrary {
  projects: ChokepointProject[];
  /** Counts by status for the chain (and text) filter, whatever status is chosen. */
  countsByStatus: Record<ProjectStatus, number>;
  total: number;
}

/** An application form as sent: every field unchecked. */
export interface ProjectSubmission {
  title?: unknown;
  breakthrough?: unknown;
  goals?: unknown;
  plan?: unknown;
  attachments?: unknown;
  budget?: unknown;
  startsOn?: unknown;
  endsOn?: unknown;
  teamIds?: unknown;
}

export type ReviewDecision = 'admit' | 'changes' | 'reject';

export interface PartnerOrganisation {
  id: number;
  name: string;
  kind: PartnerKind;
  contactName: string;
  contactPhone: string;
}

export interface BenchmarkRate {
  id: number;
  ratePercent: number;
  effectiveOn: string;
  setBy: string;
}

/** A support form as sent. Which fields count depends on the kind. */
export interface SupportSubmission {
  kind?: unknown;
  partnerId?: unknown;
  amount?: unknown;
  grantedOn?: unknown;
  budgetLine?: unknown;
  multiplier?: unknown;
  termMonths?: unknown;
  ratePercent?: unknown;
  collateral?: unknown;
  riskCompensationPercent?: unknown;
  cover?: unknown;
  subsidyPercent?: unknown;
  /** An admin's reason for letting a value outside a rule through. */
  overrideReason?: unknown;
}
