import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { EnterpriseSize } from '../shared/enums.js';
import type { Company, CompanyFields } from './profiles.types.js';

const { enterprises } = schema;

export async function findCompaniesByIds(db: Database, ids: number[]): Promise<Company[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      industry: enterprises.industry,
      size: enterprises.size,
      description: enterprises.description,
      address: enterprises.address,
      contactName: enterprises.contactName,
      contactPhone: enterprises.contactPhone,
      contactEmail: enterprises.contactEmail,
    })
    .from(enterprises)
    .where(inArray(enterprises.id, ids));
  return rows.map((row) => ({ ...row, size: row.size as EnterpriseSize }));
}

export async function updateCompany(db: Database, id: number, fields: CompanyFields): Promise<void> {
  await db.update(enterprises).set(fields).where(eq(enterprises.id, id));
}
