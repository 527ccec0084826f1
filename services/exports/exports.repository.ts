import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

const { demands, enterprises, teams } = schema;

export interface CollaborationRow {
  id: number;
  title: string;
  demandTitle: string;
  enterpriseName: string;
  leadTeam: string;
  otherTeams: string[];
  stage: string;
  startedOn: string;
  contractValue: number | null;
  patentsGranted: number;
  newProducts: number;
  revenue: number;
  milestonesDone: number;
  milestonesTotal: number;
  nextMilestone: { title: string; dueOn: string } | null;
  notes: string;
}

export async function findCollaborations(db: Database): Promise<CollaborationRow[]> {
  const { collaborations, collaborationTeams, milestones } = schema;
  const rows = await db
    .select({
      collaboration: collaborations,
      demandTitle: demands.title,
      enterpriseName: enterprises.name,
      leadTeam: teams.nameZh,
    })
    .from(collaborations)
    .innerJoin(demands, eq(demands.id, collaborations.demandId))
    .innerJoin(enterprises, eq(enterprises.id, collaborations.enterpriseId))
    .innerJoin(teams, eq(teams.id, collaborations.leadTeamId))
    .orderBy(asc(collaborations.id));
  const ids = rows.map((row) => row.collaboration.id);
  const members = ids.length
    ? await db
        .select({ collaborationId: collaborationTeams.collaborationId, name: teams.nameZh })
        .from(collaborationTeams)
        .innerJoin(teams, eq(teams.id, collaborationTeams.teamId))
        .where(and(inArray(collaborationTeams.collaborationId, ids), eq(collaborationTeams.isLead, false)))
        .orderBy(asc(teams.nameZh))
    : [];
  const steps = ids.length
    ? await db
        .select()
        .from(milestones)
        .where(inArray(milestones.collaborationId, ids))
        .orderBy(asc(milestones.dueOn), asc(milestones.id))
    : [];
  return rows.map(({ collaboration, demandTitle, enterpriseName, leadTeam }) => {
    const own = steps.filter((step) => step.collaborationId === collaboration.id);
    const next = own.find((step) => step.doneOn === null);
    return {
      id: collaboration.id,
      title: collaboration.title,
      demandTitle,
      enterpriseName,
      leadTeam,
      otherTeams: members
        .filter((member) => member.collaborationId === collaboration.id)
        .map((member) => member.name),
      stage: collaboration.stage,
      startedOn: collaboration.startedOn,
      contractValue: collaboration.contractValue === null ? null : Number(collaboration.contractValue),
      patentsGranted: collaboration.patentsGranted,
      newProducts: collaboration.newProducts,
      revenue: Number(collaboration.revenue),
      milestonesDone: own.filter((step) => step.doneOn !== null).length,
      milestonesTotal: own.length,
      nextMilestone: next ? { title: next.title, dueOn: next.dueOn } : null,
      notes: collaboration.notes,
    };
  });
}

export interface ServiceRow {
  servedOn: string;
  enterpriseName: string;
  kind: string;
  staffName: string;
  chainCode: string | null;
  note: string;
}

export async function findEnterpriseServices(db: Database): Promise<ServiceRow[]> {
  const { enterpriseServices, staff } = schema;
  return db
    .select({
      servedOn: enterpriseServices.servedOn,
      enterpriseName: enterprises.name,
      kind: enterpriseServices.kind,
      staffName: staff.name,
      chainCode: staff.chainCode,
      note: enterpriseServices.note,
    })
    .from(enterpriseServices)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseServices.enterpriseId))
    .innerJoin(staff, eq(staff.id, enterpriseServices.staffId))
    .orderBy(desc(enterpriseServices.servedOn), asc(enterpriseServices.id));
}
