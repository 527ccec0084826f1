import { actorOf, insertAuditEntries } from '../audit/index.js';
import { type Database, withDomainErrors } from '../db/index.js';

import { ENTERPRISE_SIZES, type EnterpriseSize } from '../shared/enums.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import { cleanText, FieldProblems, isEmail } from '../shared/validation.js';
import type { User } from '../users/index.js';
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

function parseCompanyInput(input: Submission): CompanyFields {
  const problems = new FieldProblems();
  const text = (field: string, max: number, required: boolean) => {
    const raw = typeof input[field] === 'string' ? (input[field] as string).trim() : '';
    if (required && !raw) problems.add(field, 'validation.required');
    if (raw.length > max) problems.add(field, 'validation.tooLong');
    return cleanText(raw, max);
  };
  const fields = {
    industry: text('industry', 60, true),
    size: input.size as EnterpriseSize,
    description: text('description', 5_000, false),
    address: text('address', 200, false),
    contactName: text('contactName', 60, true),
    contactPhone: text('contactPhone', 40, false),
    contactEmail: text('contactEmail', 254, false),
  };
  if (!(ENTERPRISE_SIZES as readonly unknown[]).includes(input.size))
    problems.add('size', 'validation.choose');
  if (fields.contactEmail && !isEmail(fields.contactEmail)) problems.add('contactEmail', 'validation.email');
  problems.throwIfAny();
  return fields;
}

export async function updateOwnCompany(db: Database, user: User, input: Submission): Promise<Company> {
  const before = await findOwnCompany(db, user);
  const fields = parseCompanyInput(input);
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
