export { type ChangeCounterName, KeptWhileUnchanged, readChangeCounter } from './change-counters.js';
export {
  announceChanges,
  CHANGES_CHANNEL,
  type ChangedEntity,
  type ChangeNotice,
  type FeedChange,
} from './change-feed.js';
export * as changeFeedRepository from './change-feed.repository.js';
export { idIsAnyOf } from './conditions.js';
export {
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  type DatabaseOptions,
  type DatabaseTarget,
  databaseTargetFromConfig,
  type ListenState,
  openDatabase,
} from './database.js';
export {
  describeErrorForLog,
  isDatabaseUnavailable,
  toDomainError,
  withDomainErrors,
} from './database-errors.js';
export { nameByShape, preparedPerDatabase } from './prepared.js';
export * as schema from './schema/index.js';
export { refreshPlannerStatistics } from './statistics.repository.js';
