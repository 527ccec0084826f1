export type { CityStats } from './reports.types.js';
export { getCityStats } from './stats.service.js';
