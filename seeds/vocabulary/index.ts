import type { ChainCode } from '../../services/shared/enums.js';
import { CARBON_FIBER } from './carbon-fiber.js';
import { FISHING_TACKLE } from './fishing-tackle.js';
import { INFO_TECH } from './info-tech.js';
import { MARINE_BIO } from './marine-bio.js';
import { MARINE_EQUIPMENT } from './marine-equipment.js';
import { MEDICAL } from './medical.js';
import { NEW_ENERGY } from './new-energy.js';
import { SPECIAL_VEHICLE } from './special-vehicle.js';
import type { ChainVocabulary, Subtopic } from './vocabulary.types.js';

export type { ChainVocabulary, Subtopic } from './vocabulary.types.js';

export const VOCABULARY: Readonly<Record<ChainCode, ChainVocabulary>> = {
  medical: MEDICAL,
  carbon_fiber: CARBON_FIBER,
  marine_equipment: MARINE_EQUIPMENT,
  special_vehicle: SPECIAL_VEHICLE,
  info_tech: INFO_TECH,
  new_energy: NEW_ENERGY,
  marine_bio: MARINE_BIO,
  fishing_tackle: FISHING_TACKLE,
};

const SUBTOPICS_BY_KEY = new Map<string, Subtopic>(
  Object.values(VOCABULARY).flatMap((chain) => chain.subtopics.map((subtopic) => [subtopic.key, subtopic])),
);

export function subtopicByKey(key: string): Subtopic {
  const subtopic = SUBTOPICS_BY_KEY.get(key);
  if (!subtopic) throw new Error(`unknown sub-topic ${key}`);
  return subtopic;
}
