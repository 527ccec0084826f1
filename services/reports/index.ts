export type { CityStats } from './reports.types.js';
export { countEntities, type EntityCounts } from './stats.repository.js';
export { getCityStats } from './stats.service.js';
