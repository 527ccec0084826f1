import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { ServiceKind } from '../shared/enums.js';
import type { EnterpriseListEntry, EnterpriseService } from './enterprises.types.js';

const { enterprises, enterpriseChains, enterpriseServices, demands, collaborations, staff } = schema;

export async function findEnterprise(db: Database, id: number) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

export async function findChainsOfEnterprises(db: Database, ids: number[]): Promise<Map<number, string[]>> {
  const byEnterprise = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byEnterprise;
  const rows = await db
    .select()
    .from(enterpriseChains)
    .where(inArray(enterpriseChains.enterpriseId, ids))
    .orderBy(asc(enterpriseChains.chainCode));
  for (const row of rows) byEnterprise.get(row.enterpriseId)?.push(row.chainCode);
  return byEnterprise;
}

/** Enterprises with how much the bureau has done with each, optionally of one chain or matching a name. */
export async function findEnterpriseList(
  db: Database,
  filter: { chainCode: string | null; nameContains: string | null; limit: number },
): Promise<EnterpriseListEntry[]> {
  const ofChain = db
    .select({ id: enterpriseChains.enterpriseId })
    .from(enterpriseChains)
    .where(eq(enterpriseChains.chainCode, filter.chainCode ?? ''));
  // Counted per firm in grouped subqueries joined on the firm's id. (Correlated subqueries written
  // in sql`` lost their table names, so every row counted the whole table against itself.)
  const demandCounts = db
    .select({ enterpriseId: demands.enterpriseId, value: sql<number>`count(*)::int`.as('demand_count') })
    .from(demands)
    .groupBy(demands.enterpriseId)
    .as('demand_counts');
  const collaborationCounts = db
    .select({
      enterpriseId: collaborations.enterpriseId,
      value: sql<number>`count(*)::int`.as('collaboration_count'),
    })
    .from(collaborations)
    .groupBy(collaborations.enterpriseId)
    .as('collaboration_counts');
  const serviceCounts = db
    .select({
      enterpriseId: enterpriseServices.enterpriseId,
      value: sql<number>`count(*)::int`.as('service_count'),
      lastServedOn: sql<string | null>`max(${enterpriseServices.servedOn})::text`.as('last_served_on'),
    })
    .from(enterpriseServices)
    .groupBy(enterpriseServices.enterpriseId)
    .as('service_counts');
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      industry: enterprises.industry,
      demands: sql<number>`coalesce(${demandCounts.value}, 0)`,
      collaborations: sql<number>`coalesce(${collaborationCounts.value}, 0)`,
      services: sql<number>`coalesce(${serviceCounts.value}, 0)`,
      lastServedOn: serviceCounts.lastServedOn,
    })
    .from(enterprises)
    .leftJoin(demandCounts, eq(demandCounts.enterpriseId, enterprises.id))
    .leftJoin(collaborationCounts, eq(collaborationCounts.enterpriseId, enterprises.id))
    .leftJoin(serviceCounts, eq(serviceCounts.enterpriseId, enterprises.id))
    .where(
      and(
        filter.chainCode ? inArray(enterprises.id, ofChain) : undefined,
        filter.nameContains
          ? ilike(enterprises.name, `%${filter.nameContains.replace(/[%_\\]/g, '\\$&')}%`)
          : undefined,
      ),
    )
    .orderBy(asc(enterprises.name))
    .limit(filter.limit);
  const chains = await findChainsOfEnterprises(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    demands: Number(row.demands),
    collaborations: Number(row.collaborations),
    services: Number(row.services),
    chainCodes: chains.get(row.id) ?? [],
  }));
}

export async function findDemandsOfEnterprise(db: Database, enterpriseId: number) {
  return db
    .select({
      id: demands.id,
      title: demands.title,
      demandClass: demands.demandClass,
      status: demands.status,
      chainCode: demands.chainCode,
      createdAt: demands.createdAt,
    })
    .from(demands)
    .where(eq(demands.enterpriseId, enterpriseId))
    .orderBy(desc(demands.createdAt), desc(demands.id));
}

export async function findServicesOfEnterprise(
  db: Database,
  enterpriseId: number,
): Promise<EnterpriseService[]> {
  const rows = await db
    .select({
      id: enterpriseServices.id,
      enterpriseId: enterpriseServices.enterpriseId,
      staffId: enterpriseServices.staffId,
      staffName: staff.name,
      servedOn: enterpriseServices.servedOn,
      kind: enterpriseServices.kind,
      note: enterpriseServices.note,
    })
    .from(enterpriseServices)
    .innerJoin(staff, eq(staff.id, enterpriseServices.staffId))
    .where(eq(enterpriseServices.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseServices.servedOn), desc(enterpriseServices.id));
  return rows.map((row) => ({ ...row, kind: row.kind as ServiceKind }));
}

export async function insertEnterpriseService(
  tx: Database,
  values: { staffId: number; enterpriseId: number; servedOn: string; kind: ServiceKind; note: string },
) {
  const [row] = await tx.insert(enterpriseServices).values(values).returning();
  return row!;
}

export async function findEnterpriseIdByName(db: Database, name: string): Promise<number | null> {
  const [row] = await db
    .select({ id: schema.enterprises.id })
    .from(schema.enterprises)
    .where(eq(schema.enterprises.name, name));
  return row?.id ?? null;
}

/** A new enterprise and the chains it works in, in the caller's transaction. */
export async function insertEnterprise(
  db: Database,
  values: typeof schema.enterprises.$inferInsert,
  chainCodes: string[],
): Promise<typeof schema.enterprises.$inferSelect> {
  const [enterprise] = await db.insert(schema.enterprises).values(values).returning();
  if (chainCodes.length)
    await db
      .insert(schema.enterpriseChains)
      .values(chainCodes.map((chainCode) => ({ enterpriseId: enterprise!.id, chainCode })));
  return enterprise!;
}
