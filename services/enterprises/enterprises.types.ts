import type { CollaborationSummary } from '../collaborations/index.js';
import type { ServiceKind } from '../shared/enums.js';

export interface EnterpriseService {
  id: number;
  enterpriseId: number;
  staffId: number;
  staffName: string;
  servedOn: string;
  kind: ServiceKind;
  note: string;
}

export interface EnterpriseListEntry {
  id: number;
  name: string;
  industry: string;
  chainCodes: string[];
  demands: number;
  collaborations: number;
  services: number;
  lastServedOn: string | null;
}

/** Everything the bureau knows about one enterprise, on one page. */
export interface EnterprisePage {
  enterprise: {
    id: number;
    name: string;
    industry: string;
    size: string;
    description: string;
    address: string;
    contactName: string;
    contactPhone: string;
    contactEmail: string;
    chainCodes: string[];
  };
  demands: {
    id: number;
    title: string;
    demandClass: string;
    status: string;
    chainCode: string;
    createdAt: Date;
  }[];
  collaborations: CollaborationSummary[];
  services: EnterpriseService[];
}

export interface ServiceInput {
  enterpriseId: unknown;
  servedOn: unknown;
  kind: unknown;
  note: unknown;
}
