import type { AuditRecord } from '../audit/index.js';
import type { ChainCode, ConsortiumRole, ConsortiumStatus, ConsortiumTaskStatus } from '../shared/enums.js';

export interface Consortium {
  id: number;
  name: string;
  leadEnterpriseId: number;
  leadEnterpriseName: string;
  technologyLine: string;
  chainCode: ChainCode;
  description: string;
  status: ConsortiumStatus;
  memberCount: number;
  taskCount: number;
}

export type MemberKind = 'enterprise' | 'team' | 'university';

export interface ConsortiumMember {
  id: number;
  role: ConsortiumRole;
  kind: MemberKind;
  /** The firm's, team's or university's id. */
  memberId: number;
  name: string;
  /** The team's university, for a team. */
  universityName: string | null;
}

export interface ConsortiumTask {
  id: number;
  title: string;
  description: string;
  status: ConsortiumTaskStatus;
  demandId: number | null;
  demandTitle: string | null;
  collaborationId: number | null;
  collaborationTitle: string | null;
  projectId: number | null;
  projectTitle: string | null;
}

export interface ConsortiumDetail extends Consortium {
  members: ConsortiumMember[];
  tasks: ConsortiumTask[];
  history: AuditRecord[];
}

export interface ConsortiumInput {
  name?: unknown;
  leadEnterpriseId?: unknown;
  technologyLine?: unknown;
  chainCode?: unknown;
  description?: unknown;
  status?: unknown;
}

export interface TaskInput {
  title?: unknown;
  description?: unknown;
  demandId?: unknown;
  collaborationId?: unknown;
  projectId?: unknown;
}
