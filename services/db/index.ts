export { announceChanges, CHANGES_CHANNEL, type ChangedEntity, type ChangeNotice } from './change-notices.js';
export {
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  type DatabaseTarget,
  databaseTargetFromConfig,
  openDatabase,
} from './database.js';
export {
  describeErrorForLog,
  isDatabaseUnavailable,
  toDomainError,
  withDomainErrors,
} from './database-errors.js';
export * as schema from './schema/index.js';
