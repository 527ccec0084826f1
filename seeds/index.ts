export type * from './city.types.js';
export { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
export { CITY_SEED, generateCity } from './generate-city.js';
export {
  groundTruthLines,
  groundTruthSet,
  type LabelledProfile,
  type LabelledQuery,
  type LabelledSet,
} from './ground-truth.js';
export { type CityCounts, countCity, type SeedOutcome, seedCity, seedCityIfEmpty } from './load-city.js';
