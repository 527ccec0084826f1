export { getEnterprisePage, listEnterprises, logEnterpriseService } from './enterprises.service.js';
export type { EnterpriseListEntry, EnterprisePage, EnterpriseService } from './enterprises.types.js';
