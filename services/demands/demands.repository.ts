import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { idIsAnyOf, preparedPerDatabase, schema } from '../db/index.js';
import type { DemandClass, DemandStatus, Visibility } from '../shared/enums.js';
import type { Demand, DemandFields, ProfileLink } from './demands.types.js';

const { demands, enterprises, matchCandidates, universities } = schema;

/** Statuses in which a demand is open to the public (and to the matcher). */
export const OPEN_DEMAND_STATUSES = ['published', 'matched'] as const;
/** Statuses of a pair in which staff have put both sides in touch. */
export const INTRODUCED_STATUSES = ['introduced', 'accepted'] as const;

const demandColumns = {
  id: demands.id,
  enterpriseId: demands.enterpriseId,
  enterpriseName: enterprises.name,
  title: demands.title,
  titleEn: demands.titleEn,
  description: demands.description,
  chainCode: demands.chainCode,
  demandClass: demands.demandClass,
  expectedTrl: demands.expectedTrl,
  budgetMin: demands.budgetMin,
  budgetMax: demands.budgetMax,
  deadline: demands.deadline,
  visibility: demands.visibility,
  status: demands.status,
  createdAt: demands.createdAt,
  updatedAt: demands.updatedAt,
};

type DemandRow = { [Key in keyof typeof demandColumns]: unknown } & Record<string, unknown>;

function toDemand(row: DemandRow): Demand {
  return {
    ...(row as unknown as Demand),
    demandClass: row.demandClass as DemandClass,
    visibility: row.visibility as Visibility,
    status: row.status as DemandStatus,
  };
}

async function selectDemands(db: Database, where: SQL | undefined, limit = 500): Promise<Demand[]> {
  const rows = await db
    .select(demandColumns)
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .where(where)
    .orderBy(desc(demands.updatedAt), desc(demands.id))
    .limit(limit);
  return rows.map(toDemand);
}

/** Nearly every demand page starts here. */
const demandByIdQuery = preparedPerDatabase((db) =>
  db
    .select(demandColumns)
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .where(eq(demands.id, sql.placeholder('id')))
    .prepare('demand_by_id'),
);

export async function findDemandById(db: Database, id: number): Promise<Demand | null> {
  const [row] = await demandByIdQuery(db).execute({ id });
  return row ? toDemand(row) : null;
}

export async function findDemandsByIds(db: Database, ids: number[]): Promise<Demand[]> {
  if (ids.length === 0) return [];
  return selectDemands(db, idIsAnyOf(demands.id, ids), ids.length);
}

export function listDemandsOfEnterprises(db: Database, enterpriseIds: number[]): Promise<Demand[]> {
  if (enterpriseIds.length === 0) return Promise.resolve([]);
  return selectDemands(db, inArray(demands.enterpriseId, enterpriseIds));
}

export function listAllDemands(db: Database, limit: number): Promise<Demand[]> {
  return selectDemands(db, undefined, limit);
}

/** The condition "this team or this faculty member is on the pair". */
export function pairOfProfile(link: ProfileLink): SQL | undefined {
  const sides = [
    link.teamId ? eq(matchCandidates.teamId, link.teamId) : undefined,
    link.facultyId ? eq(matchCandidates.facultyId, link.facultyId) : undefined,
  ].filter((side): side is SQL => side !== undefined);
  return sides.length ? or(...sides) : sql`false`;
}

/** Which of these demands staff introduced this team or faculty member to (and have not declined since). */
export async function findIntroducedDemandIds(
  db: Database,
  demandIds: number[],
  link: ProfileLink,
): Promise<Set<number>> {
  if (demandIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ demandId: matchCandidates.demandId })
    .from(matchCandidates)
    .where(
      and(
        inArray(matchCandidates.demandId, demandIds),
        inArray(matchCandidates.status, [...INTRODUCED_STATUSES]),
        pairOfProfile(link),
      ),
    );
  return new Set(rows.map((row) => row.demandId));
}

/**
 * Which demands this profile may see: open public ones, and the confidential ones staff introduced
 * it to; newest first. Ids and visibility only: a page reads the rows of those it shows.
 */
export function listDemandIdsVisibleToProfile(
  db: Database,
  link: ProfileLink,
  limit: number,
  options: { publicAmong?: number[] } = {},
): Promise<{ id: number; visibility: string }[]> {
  const introduced = db
    .select({ demandId: matchCandidates.demandId })
    .from(matchCandidates)
    .where(and(inArray(matchCandidates.status, [...INTRODUCED_STATUSES]), pairOfProfile(link)));
  const { publicAmong } = options;
  return db
    .select({ id: demands.id, visibility: demands.visibility })
    .from(demands)
    .where(
      or(
        and(
          eq(demands.visibility, 'public'),
          inArray(demands.status, [...OPEN_DEMAND_STATUSES]),
          // Only the demands a ranking named, when the caller asks for those: the introduced ones always.
          publicAmong ? idIsAnyOf(demands.id, publicAmong) : undefined,
        ),
        inArray(demands.id, introduced),
      ),
    )
    .orderBy(desc(demands.updatedAt), desc(demands.id))
    .limit(limit);
}

export async function titleTakenByEnterprise(
  db: Database,
  enterpriseId: number,
  title: string,
  exceptDemandId: number | null,
): Promise<boolean> {
  const rows = await db
    .select({ id: demands.id })
    .from(demands)
    .where(and(eq(demands.enterpriseId, enterpriseId), eq(demands.title, title)));
  return rows.some((row) => row.id !== exceptDemandId);
}

export async function insertDemand(
  db: Database,
  values: DemandFields & { enterpriseId: number; status: DemandStatus },
): Promise<number> {
  const [row] = await db.insert(demands).values(values).returning({ id: demands.id });
  return row!.id;
}

export async function updateDemand(
  db: Database,
  id: number,
  values: Partial<DemandFields> & { status?: DemandStatus },
): Promise<void> {
  await db
    .update(demands)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(demands.id, id));
}

/**
 * Locks the demand for the rest of the transaction, so two saves of one demand (or a save and an
 * accepted match) cannot interleave; resolves with what the lock holder decides on, or null.
 */
export async function lockDemand(
  db: Database,
  id: number,
): Promise<{ id: number; enterpriseId: number; title: string; status: DemandStatus } | null> {
  const [row] = await db
    .select({
      id: demands.id,
      enterpriseId: demands.enterpriseId,
      title: demands.title,
      status: demands.status,
    })
    .from(demands)
    .where(eq(demands.id, id))
    .for('update');
  return row ? { ...row, status: row.status as DemandStatus } : null;
}

export async function listUniversities(
  db: Database,
): Promise<{ id: number; nameZh: string; nameEn: string }[]> {
  return db
    .select({ id: universities.id, nameZh: universities.nameZh, nameEn: universities.nameEn })
    .from(universities)
    .orderBy(asc(universities.id));
}
