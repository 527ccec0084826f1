export type * from './city.types.js';
export { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
export { academicShape, MAX_CITY_SCALE } from './generate/shape.js';
export { CITY_SEED, type CityOptions, generateCity } from './generate-city.js';
export {
  groundTruthLines,
  groundTruthSet,
  type LabelledProfile,
  type LabelledQuery,
  type LabelledSet,
} from './ground-truth.js';
export { type SeedOutcome, seedCity, seedCityIfEmpty } from './load-city.js';
