import { CONCEPT_PREFIX } from './concepts.js';
import { EXPLAIN_TERMS, MIN_TERM_SHARE } from './constants.js';
import { BIGRAM_PREFIX, conceptsOfChineseWord, conceptsOfEnglishStem, displayTerm } from './tokenize.js';
import type { MatchTerm } from './types.js';

const HAN = /\p{Script=Han}/u;

/** What the explanation of one pair needs to know about each side's text. */
export interface PairSides {
  /** The profile's own word behind a stem, bigram or concept term (undefined: the term itself). */
  profileWord(term: string): string | undefined;
  /** The demand's own word behind a term, or undefined when the demand's text lacks the term. */
  demandWord(term: string): string | undefined;
  /** Whether the profile's text has this word as one of its terms (a jieba word or sub-word). */
  profileHas(word: string): boolean;
  /** Whether the demand's text has this word as one of its terms. */
  demandHas(word: string): boolean;
  /** Terms pseudo-relevance feedback added to the demand: shown as "+word". */
  added: ReadonlySet<string>;
  /** Terms never to be named as a reason (curated and corpus-frequent: generic-terms.ts). */
  isGeneric(term: string, words: readonly string[]): boolean;
  /** A term as the index's reading shows it when neither text's word is known (Tokenizer). */
  display(term: string): string;
}

/** The words of one text as an explanation looks them up: its Chinese words, its English stems. */
export class TextWords {
  private chinese: string[] | undefined;
  private english: string[] | undefined;

  constructor(
    private readonly terms: () => Iterable<string>,
    private readonly words: ReadonlyMap<string, string> | undefined,
    private readonly display: (term: string) => string = displayTerm,
  ) {}

  /**
   * The word of the text behind a term: a stem's recorded English word; for a bigram the shortest
   * of the text's Chinese words that contains it; for a concept the shortest Chinese word naming
   * it, else its recorded English words, else an English word of the text naming it; undefined
   * when none is known (the caller then shows the term as the index knows it).
   */
  wordBehind(term: string): string | undefined {
    const bigram = term.startsWith(BIGRAM_PREFIX);
    const concept = term.startsWith(CONCEPT_PREFIX);
    if (!bigram && !concept) return this.words?.get(term) ?? (this.words ? term : undefined);
    this.split();
    const fragment = term.slice(1);
    let best: string | undefined;
    for (const candidate of this.chinese!) {
      const fits = bigram ? candidate.includes(fragment) : conceptsOfChineseWord(candidate).includes(term);
      if (
        fits &&
        (!best || candidate.length < best.length || (candidate.length === best.length && candidate < best))
      )
        best = candidate;
    }
    // A Chinese word first, so that a text naming a concept in both languages shows it one way.
    if (best || bigram) return best;
    const recorded = this.words?.get(term);
    if (recorded !== undefined) return recorded;
    const stem = this.english!.find((candidate) => conceptsOfEnglishStem(candidate).includes(term));
    return stem === undefined ? undefined : (this.words?.get(stem) ?? this.display(stem));
  }

  private split(): void {
    if (this.chinese) return;
    this.chinese = [];
    this.english = [];
    for (const term of this.terms()) {
      if (term.startsWith(BIGRAM_PREFIX) || term.startsWith(CONCEPT_PREFIX)) continue;
      (HAN.test(term) ? this.chinese : this.english).push(term);
    }
  }
}

const SIDES_OF_WORDS_ONLY: PairSides = {
  profileWord: () => undefined,
  demandWord: () => undefined,
  profileHas: () => true,
  demandHas: () => true,
  added: new Set(),
  isGeneric: () => false,
  display: displayTerm,
};

interface Reason {
  label: string;
  word: string;
  via?: MatchTerm['via'];
}

/**
 * What a reader is shown for one term's part, or null when it should not be named: a generic
 * word, a lone Chinese character, or a bigram that two different words merely share (纤维 of
 * 纤维素 and of 碳纤维). A stem shows as the profile's own word; a concept as "profile word ≈
 * demand word"; a term feedback added as "+word".
 */
function reasonFor(term: string, sides: PairSides): Reason | null {
  const concept = term.startsWith(CONCEPT_PREFIX);
  const bigram = term.startsWith(BIGRAM_PREFIX);
  // A Chinese word or sub-word term is a word of both texts as it stands (a sub-word's longer
  // word would name more than matched).
  const ownWord = !concept && !bigram && HAN.test(term);
  const profileWord = ownWord ? term : (sides.profileWord(term) ?? sides.display(term));
  const demandWord = ownWord ? term : (sides.demandWord(term) ?? profileWord);
  if (sides.isGeneric(term, [profileWord, demandWord])) return null;
  if (sides.added.has(term)) return { label: `+${profileWord}`, word: profileWord, via: 'feedback' };
  if (concept) {
    if (profileWord === demandWord) return { label: profileWord, word: profileWord };
    return { label: `${profileWord} ≈ ${demandWord}`, word: profileWord, via: 'thesaurus' };
  }
  if (bigram) {
    if (profileWord === demandWord) return { label: profileWord, word: profileWord };
    if (sides.profileHas(demandWord)) return { label: demandWord, word: demandWord };
    if (sides.demandHas(profileWord)) return { label: profileWord, word: profileWord };
    return null;
  }
  return { label: profileWord, word: profileWord };
}

/**
 * Turns per-term score parts into the few reasons a reader should see, with shares of the whole
 * score (hidden parts still count in it, so shares are never inflated). A Chinese word inside a
 * longer shown word (纤维 inside 碳纤维) is credited to that word, so 碳纤维 is named once; a lone
 * character with no such word is not named. Without `sides`, terms are shown as the index knows
 * them (the words-only view of a bulk index whose documents' words were not kept).
 */
export function foldTerms(
  parts: ReadonlyMap<string, number>,
  sides: PairSides = SIDES_OF_WORDS_ONLY,
): MatchTerm[] {
  let total = 0;
  for (const value of parts.values()) total += value;
  if (total <= 0) return [];
  const reasons = new Map<string, { reason: Reason; value: number }>();
  for (const [term, value] of parts) {
    const reason = reasonFor(term, sides);
    if (!reason) continue;
    const entry = reasons.get(reason.label);
    if (entry) entry.value += value;
    else reasons.set(reason.label, { reason, value });
  }
  // Feedback words ("+…") fold among themselves, words the demand has among themselves.
  const foldable = (label: string) => HAN.test(label) && !label.includes(' ');
  const added = (label: string) => label.startsWith('+');
  const words = [...reasons.keys()].filter(foldable).sort((left, right) => right.length - left.length);
  const folded = new Map<string, { reason: Reason; value: number }>();
  for (const [label, entry] of reasons) {
    const bare = added(label) ? label.slice(1) : label;
    const containers = foldable(label)
      ? words.filter(
          (word) => added(word) === added(label) && word.length > label.length && word.includes(bare),
        )
      : [];
    if (containers.length === 0) {
      if (foldable(label) && bare.length === 1) continue;
      const kept = folded.get(label) ?? { reason: entry.reason, value: 0 };
      kept.value += entry.value;
      folded.set(label, kept);
      continue;
    }
    for (const word of containers) {
      const kept = folded.get(word) ?? { reason: reasons.get(word)!.reason, value: 0 };
      kept.value += entry.value / containers.length;
      folded.set(word, kept);
    }
  }
  return [...folded]
    .map(([term, { reason, value }]) => {
      const shown: MatchTerm = { term, share: Math.round((value / total) * 1000) / 1000 };
      if (reason.via) shown.via = reason.via;
      return shown;
    })
    .filter((term) => term.share >= MIN_TERM_SHARE)
    .sort((left, right) => right.share - left.share || (left.term < right.term ? -1 : 1))
    .slice(0, EXPLAIN_TERMS);
}
