import type { ChainCode } from '../../services/shared/enums.js';

/**
 * One research sub-topic of a chain. Profiles (teams, faculty, works) speak in `terms`; demands
 * speak in `paraphrases` and only partly in `terms`, as firms and researchers do, so that matching
 * a demand to its teams is realistic rather than a string lookup.
 */
export interface Subtopic {
  /** Stable key, unique across chains: `carbon_fiber.prepreg`. */
  key: string;
  zh: string;
  en: string;
  /** How researchers name the work: directions, paper and patent words. */
  terms: readonly string[];
  /** How an enterprise names the same need. */
  paraphrases: readonly string[];
  /** English phrases for the papers faculty publish in English. */
  enTerms: readonly string[];
  /** A firm's pain in this sub-topic, in its own words (one sentence, no final stop). */
  need: string;
}

export interface ChainVocabulary {
  chain: ChainCode;
  /** Words of the whole chain; every team and demand on it uses some, so neighbours look alike. */
  general: readonly string[];
  /** Industry labels for the chain's enterprises. */
  industries: readonly string[];
  /** Endings of enterprise names: `复合材料有限公司`. */
  companySuffixes: readonly string[];
  /** What the chain's firms make, for their descriptions and demands. */
  products: readonly string[];
  subtopics: readonly Subtopic[];
}
