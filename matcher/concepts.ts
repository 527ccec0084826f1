import { THESAURUS } from './thesaurus.js';

/** Concept terms carry this prefix; the rest is the ring's first form, which explanations show. */
export const CONCEPT_PREFIX = '@';

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The thesaurus, indexed for lookup during tokenizing. */
export interface ConceptLookup {
  /** Chinese form -> concept terms. */
  chinese: Map<string, string[]>;
  /** English stem, or two stems joined by a space -> concept terms. */
  english: Map<string, string[]>;
}

function addTo(map: Map<string, string[]>, key: string, concept: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [concept]);
  else if (!list.includes(concept)) list.push(concept);
}

/**
 * Builds the lookup. `normalize` and `englishTerms` are the tokenizer's own, passed in so that a
 * form is read exactly as text is; forms of more than two English words, or mixing scripts,
 * are skipped.
 */
export function buildConceptLookup(
  normalize: (text: string) => string,
  englishTerms: (text: string) => string[],
): ConceptLookup {
  const lookup: ConceptLookup = { chinese: new Map(), english: new Map() };
  for (const ring of THESAURUS) {
    const concept = CONCEPT_PREFIX + normalize(ring[0]!);
    for (const form of ring) {
      const normalized = normalize(form);
      if (HAN_ONLY.test(normalized)) {
        addTo(lookup.chinese, normalized, concept);
        continue;
      }
      if (/\p{Script=Han}/u.test(normalized)) continue;
      const stems = englishTerms(normalized);
      if (stems.length === 1 || stems.length === 2) addTo(lookup.english, stems.join(' '), concept);
    }
  }
  return lookup;
}

/** Chinese forms of the thesaurus, for jieba's dictionary. */
export function chineseConceptForms(normalize: (text: string) => string): string[] {
  return THESAURUS.flat()
    .map(normalize)
    .filter((form) => HAN_ONLY.test(form) && form.length > 1);
}
