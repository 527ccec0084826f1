import { and, asc, desc, eq, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { ChainCode, PartnerKind, ProjectStatus, SupportKind } from '../shared/enums.js';
import type {
  BenchmarkRate,
  ChokepointProject,
  PartnerOrganisation,
  ProjectFilter,
  ProjectTeam,
  SupportItem,
} from './projects.types.js';

const {
  chokepointProjects: projects,
  chokepointProjectTeams: projectTeams,
  projectSupport,
  partnerOrganisations: partners,
  benchmarkRates,
  enterprises,
  demands,
  collaborations,
  collaborationTeams,
  matchCandidates,
  teams,
  universities,
} = schema;

type ProjectRow = typeof projects.$inferSelect;
export type ProjectValues = Omit<typeof projects.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type ProjectPatch = Partial<
  Pick<
    ProjectRow,
    | 'title'
    | 'breakthrough'
    | 'goals'
    | 'plan'
    | 'attachments'
    | 'budget'
    | 'startsOn'
    | 'endsOn'
    | 'status'
    | 'reviewNote'
    | 'reviewedBy'
    | 'admittedOn'
  >
> & { reviewedAt?: Date | SQL; submittedAt?: Date | SQL };

function toProject(
  row: ProjectRow,
  names: { enterpriseName: string; demandTitle: string | null; collaborationTitle: string | null },
): ChokepointProject {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    demandId: row.demandId,
    collaborationId: row.collaborationId,
    title: row.title,
    chainCode: row.chainCode as ChainCode,
    breakthrough: row.breakthrough,
    goals: row.goals,
    plan: row.plan,
    attachments: row.attachments,
    budget: Number(row.budget),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status as ProjectStatus,
    reviewNote: row.reviewNote,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt,
    submittedAt: row.submittedAt,
    admittedOn: row.admittedOn,
    updatedAt: row.updatedAt,
    ...names,
  };
}

function filterCondition(filter: ProjectFilter & { ids?: number[] }): SQL | undefined {
  const text = filter.text?.trim();
  const pattern = text
    ? `%${text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`
    : null;
  return and(
    filter.ids ? inArray(projects.id, filter.ids) : undefined,
    filter.chainCode ? eq(projects.chainCode, filter.chainCode) : undefined,
    filter.status ? eq(projects.status, filter.status) : undefined,
    filter.enterpriseId ? eq(projects.enterpriseId, filter.enterpriseId) : undefined,
    pattern
      ? or(
          ilike(projects.title, pattern),
          ilike(projects.breakthrough, pattern),
          ilike(enterprises.name, pattern),
        )
      : undefined,
  );
}

/** Projects with the names a reader needs, newest application first. */
export async function findProjects(
  db: Database,
  filter: ProjectFilter & { ids?: number[] },
  limit = 1_000,
): Promise<ChokepointProject[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const rows = await db
    .select({
      project: projects,
      enterpriseName: enterprises.name,
      demandTitle: demands.title,
      collaborationTitle: collaborations.title,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .leftJoin(demands, eq(demands.id, projects.demandId))
    .leftJoin(collaborations, eq(collaborations.id, projects.collaborationId))
    .where(filterCondition(filter))
    .orderBy(desc(projects.submittedAt), desc(projects.id))
    .limit(limit);
  return rows.map((row) =>
    toProject(row.project, {
      enterpriseName: row.enterpriseName,
      demandTitle: row.demandTitle,
      collaborationTitle: row.collaborationTitle,
    }),
  );
}

export async function countProjectsByStatus(db: Database, filter: ProjectFilter) {
  const rows = await db
    .select({ status: projects.status, value: sql<number>`count(*)::int` })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(filterCondition({ ...filter, status: null }))
    .groupBy(projects.status);
  return rows.map((row) => ({ status: row.status as ProjectStatus, value: Number(row.value) }));
}

export async function lockProject(tx: Database, id: number): Promise<ProjectRow | null> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
  return row ?? null;
}

export async function insertProject(tx: Database, values: ProjectValues, teamIds: number[]): Promise<number> {
  const [row] = await tx.insert(projects).values(values).returning({ id: projects.id });
  await replaceProjectTeams(tx, row!.id, teamIds);
  return row!.id;
}

export async function updateProject(tx: Database, id: number, patch: ProjectPatch): Promise<void> {
  await tx
    .update(projects)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(projects.id, id));
}

export async function replaceProjectTeams(tx: Database, projectId: number, teamIds: number[]): Promise<void> {
  await tx.delete(projectTeams).where(eq(projectTeams.projectId, projectId));
  if (teamIds.length > 0)
    await tx.insert(projectTeams).values(teamIds.map((teamId) => ({ projectId, teamId })));
}

export async function findProjectTeams(
  db: Database,
  projectIds: number[],
): Promise<(ProjectTeam & { projectId: number })[]> {
  if (projectIds.length === 0) return [];
  return db
    .select({
      projectId: projectTeams.projectId,
      teamId: teams.id,
      teamName: teams.nameZh,
      universityName: universities.nameZh,
    })
    .from(projectTeams)
    .innerJoin(teams, eq(teams.id, projectTeams.teamId))
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(inArray(projectTeams.projectId, projectIds))
    .orderBy(asc(teams.nameZh));
}

/**
 * The teams a firm may name on a project of a demand: those of the collaborations on it and those
 * staff introduced to it. A project names the university teams actually working with the firm.
 */
export async function findTeamsOfDemand(db: Database, demandId: number): Promise<ProjectTeam[]> {
  const rows = await db
    .selectDistinct({ teamId: teams.id, teamName: teams.nameZh, universityName: universities.nameZh })
    .from(teams)
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(
      or(
        inArray(
          teams.id,
          db
            .select({ id: collaborationTeams.teamId })
            .from(collaborationTeams)
            .where(eq(collaborationTeams.demandId, demandId)),
        ),
        inArray(
          teams.id,
          db
            .select({ id: sql<number>`${matchCandidates.teamId}` })
            .from(matchCandidates)
            .where(
              and(
                eq(matchCandidates.demandId, demandId),
                inArray(matchCandidates.status, ['introduced', 'accepted']),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(teams.nameZh));
  return rows;
}

/** The collaboration working on a demand: the first one brokered, when there are several. */
export async function findCollaborationOfDemand(db: Database, demandId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: collaborations.id })
    .from(collaborations)
    .where(eq(collaborations.demandId, demandId))
    .orderBy(asc(collaborations.id))
    .limit(1);
  return row?.id ?? null;
}

export async function findLiveProjectOfDemand(db: Database, demandId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.demandId, demandId), sql`${projects.status} <> 'rejected'`))
    .limit(1);
  return row?.id ?? null;
}

type SupportRow = typeof projectSupport.$inferSelect;
export type SupportValues = Omit<typeof projectSupport.$inferInsert, 'id' | 'createdAt'>;

const nullableNumber = (value: number | string | null) => (value === null ? null : Number(value));

function toSupportItem(row: SupportRow, partnerName: string | null): SupportItem {
  return {
    ...row,
    kind: row.kind as SupportKind,
    partnerName,
    amount: Number(row.amount),
    multiplier: nullableNumber(row.multiplier),
    creditedAmount: nullableNumber(row.creditedAmount),
    ratePercent: nullableNumber(row.ratePercent),
    benchmarkRatePercent: nullableNumber(row.benchmarkRatePercent),
    riskCompensationPercent: nullableNumber(row.riskCompensationPercent),
    riskCompensation: nullableNumber(row.riskCompensation),
    cover: nullableNumber(row.cover),
    subsidyPercent: nullableNumber(row.subsidyPercent),
    subsidy: nullableNumber(row.subsidy),
  };
}

export async function insertSupport(tx: Database, values: SupportValues): Promise<number> {
  const [row] = await tx.insert(projectSupport).values(values).returning({ id: projectSupport.id });
  return row!.id;
}

export async function findSupportOfProjects(db: Database, projectIds: number[]): Promise<SupportItem[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({ support: projectSupport, partnerName: partners.name })
    .from(projectSupport)
    .leftJoin(partners, eq(partners.id, projectSupport.partnerId))
    .where(inArray(projectSupport.projectId, projectIds))
    .orderBy(asc(projectSupport.grantedOn), asc(projectSupport.id));
  return rows.map((row) => toSupportItem(row.support, row.partnerName));
}

export async function findSupportIds(db: Database, projectId: number): Promise<number[]> {
  const rows = await db
    .select({ id: projectSupport.id })
    .from(projectSupport)
    .where(eq(projectSupport.projectId, projectId));
  return rows.map((row) => row.id);
}

export async function findPartners(db: Database, kind?: PartnerKind): Promise<PartnerOrganisation[]> {
  const rows = await db
    .select()
    .from(partners)
    .where(kind ? eq(partners.kind, kind) : undefined)
    .orderBy(asc(partners.kind), asc(partners.name));
  return rows.map((row) => ({ ...row, kind: row.kind as PartnerKind }));
}

export async function findPartner(db: Database, id: number): Promise<PartnerOrganisation | null> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  return row ? { ...row, kind: row.kind as PartnerKind } : null;
}

export async function insertPartner(
  tx: Database,
  values: { name: string; kind: PartnerKind; contactName: string; contactPhone: string },
): Promise<PartnerOrganisation> {
  const [row] = await tx.insert(partners).values(values).returning();
  return { ...row!, kind: row!.kind as PartnerKind };
}

export async function findBenchmarkRates(db: Database): Promise<BenchmarkRate[]> {
  const rows = await db.select().from(benchmarkRates).orderBy(desc(benchmarkRates.effectiveOn));
  return rows.map((row) => ({ ...row, ratePercent: Number(row.ratePercent) }));
}

/** The benchmark rate in force on a day: the one with the latest effective date on or before it. */
export async function findBenchmarkRateOn(db: Database, day: string): Promise<BenchmarkRate | null> {
  const [row] = await db
    .select()
    .from(benchmarkRates)
    .where(lte(benchmarkRates.effectiveOn, day))
    .orderBy(desc(benchmarkRates.effectiveOn))
    .limit(1);
  return row ? { ...row, ratePercent: Number(row.ratePercent) } : null;
}

export async function insertBenchmarkRate(
  tx: Database,
  values: { ratePercent: number; effectiveOn: string; setBy: string },
): Promise<BenchmarkRate> {
  const [row] = await tx.insert(benchmarkRates).values(values).returning();
  return { ...row!, ratePercent: Number(row!.ratePercent) };
}
