import type { Database } from '../db/index.js';
import type { MatchingService } from '../matching/index.js';
import type { DemandClass, DemandStatus, Visibility } from '../shared/enums.js';

/** What every portal service needs: the database, and this process's matcher to refresh after a write. */
export interface PortalDependencies {
  db: Database;
  matching: MatchingService;
}

/** An enterprise's technical demand as the portal shows it. Budgets in 万元. */
export interface Demand {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  title: string;
  titleEn: string | null;
  description: string;
  chainCode: string;
  demandClass: DemandClass;
  expectedTrl: number | null;
  budgetMin: number | null;
  budgetMax: number | null;
  deadline: string | null;
  visibility: Visibility;
  status: DemandStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** A demand form or API body as sent: every field unchecked until `parseDemandInput` has seen it. */
export type DemandSubmission = Partial<Record<keyof DemandFields, unknown>>;

export interface DemandFields {
  title: string;
  titleEn: string | null;
  description: string;
  chainCode: string;
  demandClass: DemandClass;
  expectedTrl: number | null;
  budgetMin: number | null;
  budgetMax: number | null;
  deadline: string | null;
  visibility: Visibility;
}

/** What a save does to the status: keep it, keep it a draft, or publish. */
export type DemandIntent = 'keep' | 'draft' | 'publish';

/** The team and faculty records a university user speaks for. */
export interface ProfileLink {
  teamId: number | null;
  facultyId: number | null;
}
