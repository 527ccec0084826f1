import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { stemmer } from 'stemmer';
import { buildConceptLookup, CONCEPT_PREFIX, type ConceptLookup, chineseConceptForms } from './concepts.js';
import {
  BIGRAM_WEIGHT,
  CONCEPT_WEIGHT,
  DOMAIN_TERM_FREQUENCY,
  MAX_WORD_CACHE,
  SUBWORD_WEIGHT,
} from './constants.js';
import { listDomainTerms } from './domain-terms.js';
import { normalize, scanRuns } from './normalize.js';
import { CHINESE_JOINER_CHARACTERS, CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopwords.js';
import { Vocabulary } from './vocabulary.js';

/** A term and how much one occurrence of it counts. */
export interface Token {
  term: string;
  weight: number;
}

/**
 * Receives each term of a text as it is found, with what one occurrence of it weighs and the
 * word of the text it came from (a stem's word, a bigram's or concept's Chinese word), so that
 * explanations can show a reader the words of each text rather than stems and fragments.
 */
export type TermSink = (term: string, weight: number, word: string) => void;

/** Which terms to emit and what one occurrence of each kind weighs (0 leaves a kind out). */
export interface TokenizeOptions {
  bigramWeight: number;
  subwordWeight: number;
  conceptWeight: number;
  /** Segment with the chains' domain terms loaded into jieba, or with jieba's own dictionary. */
  domainDictionary: boolean;
}

export const FULL_ANALYSIS: TokenizeOptions = {
  bigramWeight: BIGRAM_WEIGHT,
  subwordWeight: SUBWORD_WEIGHT,
  conceptWeight: CONCEPT_WEIGHT,
  domainDictionary: true,
};
/** Off-the-shelf segmentation: jieba's words with its own dictionary, English stems. */
export const WORDS_ONLY: TokenizeOptions = {
  bigramWeight: 0,
  subwordWeight: 0,
  conceptWeight: 0,
  domainDictionary: false,
};

/** Bigram terms carry this prefix so that the bigram 复合 and the word 复合 stay distinct terms. */
export const BIGRAM_PREFIX = '~';

const HAS_LETTER = /\p{L}/u;

// Built once from the shipped dictionaries and thesaurus, never from text: the same in every
// process whatever it has read. What depends on the text read lives in a Tokenizer.
let domainSegmenter: Jieba | undefined;
let plainSegmenter: Jieba | undefined;
let dictionaryWords: Set<string> | undefined;
let conceptLookup: ConceptLookup | undefined;
/** First stems of the two-word English concept forms: only after one is a pair looked up. */
let pairFirstStems: Set<string> | undefined;

function jieba(domainDictionary: boolean): Jieba {
  if (!domainDictionary) {
    plainSegmenter ??= Jieba.withDict(dict);
    return plainSegmenter;
  }
  if (!domainSegmenter) {
    domainSegmenter = Jieba.withDict(dict);
    const terms = [...listDomainTerms().map(normalize), ...chineseConceptForms(normalize)];
    const domainLines = [...new Set(terms)].map((term) => `${term} ${DOMAIN_TERM_FREQUENCY} n`);
    domainSegmenter.loadDict(Buffer.from(domainLines.join('\n')));
  }
  return domainSegmenter;
}

/** jieba's words plus the domain terms: the sub-words of a long word must be real words. */
function knownWords(): Set<string> {
  if (!dictionaryWords) {
    const words = new Set<string>();
    // Each line is "word frequency tag". Scanned in place: splitting 350,000 lines first took
    // as long again, and every thread that analyses Chinese builds this set.
    const text = Buffer.from(dict).toString('utf8');
    for (let start = 0; start < text.length; ) {
      let lineEnd = text.indexOf('\n', start);
      if (lineEnd < 0) lineEnd = text.length;
      const space = text.indexOf(' ', start);
      const wordEnd = space >= 0 && space < lineEnd ? space : lineEnd;
      if (wordEnd - start > 1) words.add(text.slice(start, wordEnd));
      start = lineEnd + 1;
    }
    for (const term of listDomainTerms()) words.add(normalize(term));
    for (const form of chineseConceptForms(normalize)) words.add(form);
    dictionaryWords = words;
  }
  return dictionaryWords;
}

export { normalize };

/**
 * Words Porter gives the stem of a different word (carbonization and carbon both become
 * "carbon", experiment and experience "experi", generation and general "gener"): each prefix keeps
 * its words on a stem of their own, so a low-temperature carbonization is no evidence for carbon
 * fibre. Longest prefixes first.
 */
const STEMS_KEPT_APART: readonly [prefix: string, stem: string][] = [
  ['carbonis', 'carboniz'],
  ['carboniz', 'carboniz'],
  ['organis', 'organiz'],
  ['organiz', 'organiz'],
  ['organic', 'organic'],
  ['universit', 'universit'],
  ['generat', 'generat'],
  ['generic', 'generic'],
  ['general', 'general'],
  ['experiment', 'experiment'],
  ['communit', 'communit'],
  ['composition', 'composition'],
];

/** Uncached: text reaches it through Tokenizer.englishWord(), which keeps each word's stem. */
function stem(word: string): string {
  for (const [prefix, kept] of STEMS_KEPT_APART) if (word.startsWith(prefix)) return kept;
  return stemmer(word);
}

function concepts(): ConceptLookup {
  conceptLookup ??= buildConceptLookup(normalize, (text) => {
    const stems: string[] = [];
    scanRuns(text, (run, chinese) => {
      if (!chinese && isEnglishWord(run)) stems.push(stem(run));
    });
    return stems;
  });
  return conceptLookup;
}

function pairStarts(): Set<string> {
  pairFirstStems ??= new Set(
    [...concepts().english.keys()].filter((key) => key.includes(' ')).map((key) => key.split(' ')[0]!),
  );
  return pairFirstStems;
}

/** Words of the dictionary strictly inside a long word, as jieba's search mode finds them. */
function subwordsOf(word: string): string[] {
  const words = knownWords();
  const found: string[] = [];
  for (let size = 2; size < word.length; size++) {
    for (let start = 0; start + size <= word.length; start++) {
      const part = word.slice(start, start + size);
      if (words.has(part) && !CHINESE_STOP_WORDS.has(part)) found.push(part);
    }
  }
  return found;
}

/**
 * Per UTF-16 code: 1 for a joining character, 2 for the first character of a two-character stop
 * word. Bigrams are checked on codes, before any string is made; a table beats a Set here.
 */
const BIGRAM_CHECKS = new Uint8Array(0x10000);
for (const character of CHINESE_JOINER_CHARACTERS) BIGRAM_CHECKS[character.charCodeAt(0)] = 1;
const STOP_BIGRAM_CODES = new Set<number>();
for (const word of CHINESE_STOP_WORDS) {
  if (word.length !== 2) continue;
  const first = word.charCodeAt(0);
  if (BIGRAM_CHECKS[first] === 0) BIGRAM_CHECKS[first] = 2;
  STOP_BIGRAM_CODES.add(first * 0x10000 + word.charCodeAt(1));
}

function emitBigram(first: number, second: number, weight: number, word: string, emit: TermSink): void {
  const check = BIGRAM_CHECKS[first];
  if (check === 1 || BIGRAM_CHECKS[second] === 1) return;
  if (check === 2 && STOP_BIGRAM_CODES.has(first * 0x10000 + second)) return;
  emit(BIGRAM_PREFIX + String.fromCharCode(first, second), weight, word);
}

/**
 * Bigrams inside each word only. Across a boundary they are noise (研究|大型 gives 究大) and were
 * most of the vocabulary; a one-character word is indexed as a word, and a long word's bigrams
 * still meet the same characters however another text cuts them (碳纤维 against 碳纤/维).
 */
function emitWordBigrams(words: string[], weight: number, emit: TermSink): void {
  for (const word of words) {
    for (let index = 0; index + 1 < word.length; index++)
      emitBigram(word.charCodeAt(index), word.charCodeAt(index + 1), weight, word, emit);
  }
}

/**
 * What a word always yields, whatever surrounds it, kept per word: words recur so much that
 * looking them up once beats stemming and searching the dictionary and thesaurus every time.
 */
interface EnglishWord {
  word: string;
  stem: string;
  concepts: readonly string[];
}

function isEnglishWord(word: string): boolean {
  return word.length >= 2 && HAS_LETTER.test(word) && !ENGLISH_STOP_WORDS.has(word);
}

/**
 * Turns text into terms with one set of options. Its caches (each English word's stem and
 * concepts, each long Chinese word's sub-words, each stem's display word) belong to the instance,
 * so two indexes never share what they have read, and a stem's display word is the shortest
 * word read for it (ties alphabetical): the same whichever document came first.
 */
export class Tokenizer {
  /**
   * What each English word read yields, by the word's number (null for a stop word or a number):
   * most words are exact keys of a Vocabulary, found faster than in a Map of strings.
   */
  private englishWordIds = new Vocabulary();
  private readonly englishWords: (EnglishWord | null)[] = [];
  private readonly chineseWords = new Map<string, readonly Token[]>();
  private readonly surfaceForms = new Map<string, string>();

  constructor(readonly options: TokenizeOptions = FULL_ANALYSIS) {}

  /**
   * Terms of a text in one pass over mixed Chinese and English: jieba words of each Chinese run
   * (with the dictionary words inside long ones, and the character bigrams inside each word, so
   * that 树脂基碳纤维 and 碳纤维复合材料 share terms however jieba cuts them); English words
   * lower-cased, stop words dropped, Porter-stemmed. Numbers alone are dropped: years and
   * quantities match by accident far more often than by meaning.
   */
  tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    this.forEachTerm(text, (term, weight) => tokens.push({ term, weight }));
    return tokens;
  }

  /**
   * The terms tokenize() would list, handed to `emit` one by one without building the list, each
   * weight times `scale` (a field's weight: a caller's own wrapper around `emit` cost a call a term).
   */
  forEachTerm(text: string, emit: TermSink, scale = 1): void {
    const chineseRuns: string[] = [];
    let previousStem: EnglishWord | undefined;
    scanRuns(normalize(text), (run, chinese) => {
      if (chinese) {
        chineseRuns.push(run);
        previousStem = undefined;
      } else {
        previousStem = this.emitEnglish(run, previousStem, emit, scale);
      }
    });
    if (chineseRuns.length > 0) this.emitChinese(chineseRuns, emit, scale);
  }

  /** Shows a term as a reader expects it: a bigram without its prefix, a stem as a word read. */
  displayTerm(term: string): string {
    if (term.startsWith(BIGRAM_PREFIX) || term.startsWith(CONCEPT_PREFIX)) return displayTerm(term);
    return this.surfaceForms.get(term) ?? term;
  }

  private englishWord(word: string): EnglishWord | null {
    const id = this.englishWordIds.idOf(word);
    if (id !== undefined) return this.englishWords[id]!;
    let known: EnglishWord | null;
    if (isEnglishWord(word)) {
      const term = stem(word);
      if (term !== word) this.recordSurface(term, word);
      known = { word, stem: term, concepts: concepts().english.get(term) ?? [] };
    } else {
      known = null;
    }
    if (this.englishWords.length >= MAX_WORD_CACHE) {
      this.englishWordIds = new Vocabulary();
      this.englishWords.length = 0;
    }
    this.englishWords[this.englishWordIds.intern(word)] = known;
    return known;
  }

  private recordSurface(term: string, word: string): void {
    const current = this.surfaceForms.get(term);
    if (current === undefined) {
      if (this.surfaceForms.size < MAX_WORD_CACHE) this.surfaceForms.set(term, word);
    } else if (word.length < current.length || (word.length === current.length && word < current)) {
      this.surfaceForms.set(term, word);
    }
  }

  /** Emits a word's stem, and the concepts of the stem alone and of it with the previous stem. */
  private emitEnglish(
    word: string,
    previous: EnglishWord | undefined,
    emit: TermSink,
    scale: number,
  ): EnglishWord | undefined {
    const known = this.englishWord(word);
    if (!known) return previous;
    const term = known.stem;
    emit(term, scale, word);
    const conceptWeight = this.options.conceptWeight * scale;
    if (conceptWeight > 0) {
      const pair =
        previous !== undefined && pairStarts().has(previous.stem)
          ? concepts().english.get(`${previous.stem} ${term}`)
          : undefined;
      for (const concept of known.concepts) emit(concept, conceptWeight, word);
      if (pair) {
        const words = `${previous!.word} ${word}`;
        for (const concept of pair)
          if (!known.concepts.includes(concept)) emit(concept, conceptWeight, words);
      }
    }
    // The word's cached entry, not a new object: this runs for every English word of a build.
    return known;
  }

  /**
   * One call into jieba for all of a text's Chinese runs: the crossing into native code costs.
   * Without jieba's HMM, which guesses words the dictionary lacks: its guesses joined characters
   * that other texts cut apart (zh-csl 0.359 → 0.364 nDCG@10 without it), and it cost a tenth
   * of jieba's time.
   */
  private emitChinese(runs: string[], emit: TermSink, scale: number): void {
    const options = this.options;
    const words = jieba(options.domainDictionary).cut(runs.join('\n'), false);
    for (const word of words) {
      if (word === '\n' || CHINESE_STOP_WORDS.has(word)) continue;
      emit(word, scale, word);
      this.emitExpansion(word, emit, scale);
    }
    if (options.bigramWeight > 0) emitWordBigrams(words, options.bigramWeight * scale, emit);
  }

  /** Sub-words and concepts of a Chinese word; a short word has no sub-words, so no cache entry. */
  private emitExpansion(word: string, emit: TermSink, scale: number): void {
    const options = this.options;
    if (word.length <= 2 || options.subwordWeight <= 0) {
      if (options.conceptWeight <= 0) return;
      const conceptWeight = options.conceptWeight * scale;
      for (const concept of concepts().chinese.get(word) ?? []) emit(concept, conceptWeight, word);
      return;
    }
    for (const token of this.chineseExpansion(word)) emit(token.term, token.weight * scale, word);
  }

  private chineseExpansion(word: string): readonly Token[] {
    let expansion = this.chineseWords.get(word);
    if (expansion) return expansion;
    const options = this.options;
    const tokens: Token[] = [];
    const parts = subwordsOf(word);
    for (const part of parts) tokens.push({ term: part, weight: options.subwordWeight });
    if (options.conceptWeight > 0) {
      const lookup = concepts().chinese;
      const found = new Set(lookup.get(word));
      for (const part of parts) for (const concept of lookup.get(part) ?? []) found.add(concept);
      for (const concept of found) tokens.push({ term: concept, weight: options.conceptWeight });
    }
    // Shared by every occurrence of the word, so frozen: a caller must not change one for all.
    expansion = Object.freeze(tokens.map((token) => Object.freeze(token)));
    if (this.chineseWords.size >= MAX_WORD_CACHE) this.chineseWords.clear();
    this.chineseWords.set(word, expansion);
    return expansion;
  }
}

/**
 * Builds the dictionaries every tokenizer of a thread shares (jieba's, the set of its words, the
 * thesaurus's forms) now rather than at the first text: ~0.4 s, which a thread that waits for
 * work (a batch's ranking thread while the index is built) can spend before it is asked.
 */
export function prepareAnalysis(): void {
  jieba(true);
  knownWords();
  pairStarts();
}

/** Terms of one text, by a tokenizer of its own (nothing kept): for tests and one-off texts. */
export function tokenize(text: string, options: TokenizeOptions = FULL_ANALYSIS): Token[] {
  return new Tokenizer(options).tokenize(text);
}

/** The thesaurus concepts a Chinese word names (its own, not its sub-words'). */
export function conceptsOfChineseWord(word: string): readonly string[] {
  return concepts().chinese.get(word) ?? [];
}

/** The thesaurus concepts an English stem names on its own (two-word forms need their pair). */
export function conceptsOfEnglishStem(stem: string): readonly string[] {
  return concepts().english.get(stem) ?? [];
}

/**
 * A term without its prefix (a bigram's characters, a concept's name), or as it stands: what
 * can be shown without knowing which words were read (Tokenizer.displayTerm knows).
 */
export function displayTerm(term: string): string {
  if (term.startsWith(BIGRAM_PREFIX)) return term.slice(BIGRAM_PREFIX.length);
  if (term.startsWith(CONCEPT_PREFIX)) return term.slice(CONCEPT_PREFIX.length);
  return term;
}
