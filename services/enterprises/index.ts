export {
  getEnterprisePage,
  listEnterprises,
  logEnterpriseService,
  registerEnterpriseRecord,
} from './enterprises.service.js';
export type { EnterpriseListEntry, EnterprisePage, EnterpriseService } from './enterprises.types.js';
