import { type Actor, insertAuditEntries } from '../audit/index.js';
import { listCollaborations } from '../collaborations/index.js';
import type { Database } from '../db/index.js';
import { type schema, withDomainErrors } from '../db/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { cleanText, enterpriseServiceSchema, parseInput } from '../validation/index.js';
import {
  findChainsOfEnterprises,
  findDemandsOfEnterprise,
  findEnterprise,
  findEnterpriseIdByName,
  findEnterpriseList,
  findServicesOfEnterprise,
  insertEnterprise,
  insertEnterpriseService,
} from './enterprises.repository.js';
import type {
  EnterpriseListEntry,
  EnterprisePage,
  EnterpriseService,
  ServiceInput,
} from './enterprises.types.js';

/** Enough rows for a task force's firms on one page; a name search narrows the rest. */
const LIST_LIMIT = 300;

export function listEnterprises(
  db: Database,
  filter: { chainCode?: string | null; nameContains?: string | null } = {},
): Promise<EnterpriseListEntry[]> {
  return findEnterpriseList(db, {
    chainCode: filter.chainCode ?? null,
    nameContains: cleanText(filter.nameContains, 60) || null,
    limit: LIST_LIMIT,
  });
}

export async function getEnterprisePage(db: Database, enterpriseId: number): Promise<EnterprisePage> {
  const enterprise = await findEnterprise(db, enterpriseId);
  if (!enterprise) throw new NotFoundError('no such enterprise');
  const [chains, demands, collaborations, services] = await Promise.all([
    findChainsOfEnterprises(db, [enterpriseId]),
    findDemandsOfEnterprise(db, enterpriseId),
    listCollaborations(db, { enterpriseId }),
    findServicesOfEnterprise(db, enterpriseId),
  ]);
  return {
    enterprise: { ...enterprise, chainCodes: chains.get(enterpriseId) ?? [] },
    demands,
    collaborations,
    services,
  };
}

/**
 * Logs a visit or service a staff member gave an enterprise. Only someone on a task force logs
 * services, since the bureau's count of services is a count of its staff's work.
 */
export async function logEnterpriseService(
  db: Database,
  actor: Actor,
  staffId: number | null,
  input: ServiceInput,
): Promise<EnterpriseService> {
  if (staffId === null) throw new ForbiddenError('only task force staff log services to enterprises');
  const { enterpriseId, servedOn, kind, note } = parseInput(enterpriseServiceSchema, input);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      if (!(await findEnterprise(tx, enterpriseId))) throw new NotFoundError('no such enterprise');
      const row = await insertEnterpriseService(tx, {
        staffId,
        enterpriseId,
        servedOn,
        kind,
        note,
      });
      await insertAuditEntries(tx, actor, [
        {
          action: 'enterprise_service.logged',
          entityType: 'enterprise_service',
          entityId: row.id,
          after: row,
        },
      ]);
      const [logged] = (await findServicesOfEnterprise(tx, row.enterpriseId)).filter(
        (service) => service.id === row.id,
      );
      return logged!;
    }),
  );
}

/**
 * An enterprise that signs itself up: refused when the name is taken (one record per firm), in
 * the caller's transaction, which also creates its account.
 */
export async function registerEnterpriseRecord(
  tx: Database,
  values: typeof schema.enterprises.$inferInsert,
  chainCodes: string[],
): Promise<typeof schema.enterprises.$inferSelect> {
  if ((await findEnterpriseIdByName(tx, values.name)) !== null)
    throw new ValidationError('enterprise exists', { enterpriseName: 'validation.enterpriseTaken' });
  return insertEnterprise(tx, values, chainCodes);
}
