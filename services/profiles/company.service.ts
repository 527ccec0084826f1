import { actorOf, insertAuditEntries } from '../audit/index.js';
import { type Database, withDomainErrors } from '../db/index.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import { companySchema, parseInput } from '../validation/index.js';
import { findCompaniesByIds, updateCompany } from './company.repository.js';
import type { Company, CompanyFields, Submission } from './profiles.types.js';

export async function findOwnCompany(db: Database, user: User): Promise<Company> {
  if (user.role !== 'enterprise' || !user.enterpriseId)
    throw new ForbiddenError('only enterprises have a company');
  const [company] = await findCompaniesByIds(db, [user.enterpriseId]);
  if (!company) throw new NotFoundError('no such enterprise');
  return company;
}

/** The firm behind a demand as a university user reads it: who they are, not how to reach them. */
export async function findCompanyFace(db: Database, enterpriseId: number) {
  const [company] = await findCompaniesByIds(db, [enterpriseId]);
  if (!company) throw new NotFoundError('no such enterprise');
  return {
    id: company.id,
    name: company.name,
    industry: company.industry,
    size: company.size,
    description: company.description,
  };
}

export async function updateOwnCompany(db: Database, user: User, input: Submission): Promise<Company> {
  const before = await findOwnCompany(db, user);
  const fields: CompanyFields = parseInput(companySchema, input);
  await withDomainErrors(() =>
    db.transaction(async (tx) => {
      await updateCompany(tx, before.id, fields);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'enterprise.updated',
          entityType: 'enterprise',
          entityId: before.id,
          before,
          after: { ...before, ...fields },
        },
      ]);
    }),
  );
  return findOwnCompany(db, user);
}
