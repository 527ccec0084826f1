import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { BIGRAM_WEIGHT, SUBWORD_WEIGHT } from './constants.js';
import { listDomainTerms } from './domain-terms.js';
import { CHINESE_JOINER_CHARACTERS, CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopwords.js';

/** A term and how much one occurrence of it counts. */
export interface Token {
  term: string;
  weight: number;
}

/** Which kinds of term to emit: the TPMS-style baseline uses words only. */
export interface TokenizeOptions {
  bigrams: boolean;
  subwords: boolean;
  /** Segment with the chains' domain terms loaded into jieba, or with jieba's own dictionary. */
  domainDictionary: boolean;
}

export const FULL_ANALYSIS: TokenizeOptions = { bigrams: true, subwords: true, domainDictionary: true };
/** Off-the-shelf segmentation: jieba's words with its own dictionary, English stems. */
export const WORDS_ONLY: TokenizeOptions = { bigrams: false, subwords: false, domainDictionary: false };

/** Bigram terms carry this prefix so that the bigram 复合 and the word 复合 stay distinct terms. */
export const BIGRAM_PREFIX = '~';

/** Frequency given to domain terms in jieba's dictionary: high enough to keep them whole. */
const DOMAIN_TERM_FREQUENCY = 3000;

// biome-ignore lint/complexity/useRegexLiterals: TypeScript rejects the v flag in a literal below ES2024.
const RUNS = new RegExp('(\\p{Script=Han}+)|([[\\p{L}\\p{N}]--\\p{Script=Han}]+)', 'gv');
const HAS_LETTER = /\p{L}/u;
const MAX_STEM_CACHE = 200_000;

let domainSegmenter: Jieba | undefined;
let plainSegmenter: Jieba | undefined;
let dictionaryWords: Set<string> | undefined;
const stemCache = new Map<string, string>();
/** The first word seen for each stem, so explanations say "composite", not "composit". */
const surfaceForms = new Map<string, string>();

function jieba(domainDictionary: boolean): Jieba {
  if (!domainDictionary) {
    plainSegmenter ??= Jieba.withDict(dict);
    return plainSegmenter;
  }
  if (!domainSegmenter) {
    domainSegmenter = Jieba.withDict(dict);
    const domainLines = listDomainTerms().map((term) => `${normalize(term)} ${DOMAIN_TERM_FREQUENCY} n`);
    domainSegmenter.loadDict(Buffer.from(domainLines.join('\n')));
  }
  return domainSegmenter;
}

/** jieba's words plus the domain terms: the sub-words of a long word must be real words. */
function knownWords(): Set<string> {
  if (!dictionaryWords) {
    const words = new Set<string>();
    for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
      const end = line.indexOf(' ');
      const word = end < 0 ? line : line.slice(0, end);
      if (word.length > 1) words.add(word);
    }
    for (const term of listDomainTerms()) words.add(normalize(term));
    dictionaryWords = words;
  }
  return dictionaryWords;
}

/**
 * Full-width to half-width and compatibility forms (NFKC), lower case, whitespace collapsed.
 * Idempotent, so analysing normalised text changes nothing.
 */
export function normalize(text: string): string {
  let previous = text;
  for (let round = 0; round < 4; round++) {
    const next = previous.normalize('NFKC').toLowerCase();
    if (next === previous) break;
    previous = next;
  }
  return previous.replace(/\s+/gu, ' ').trim();
}

export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(word);
    if (stemCache.size >= MAX_STEM_CACHE) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

function pushEnglish(word: string, tokens: Token[]): void {
  if (word.length < 2 || !HAS_LETTER.test(word) || ENGLISH_STOP_WORDS.has(word)) return;
  const term = stem(word);
  if (term !== word && !surfaceForms.has(term) && surfaceForms.size < MAX_STEM_CACHE)
    surfaceForms.set(term, word);
  tokens.push({ term, weight: 1 });
}

/** Words of the dictionary strictly inside a long word, as jieba's search mode finds them. */
function pushSubwords(word: string, tokens: Token[]): void {
  const words = knownWords();
  for (let size = 2; size < word.length; size++) {
    for (let start = 0; start + size <= word.length; start++) {
      const part = word.slice(start, start + size);
      if (words.has(part) && !CHINESE_STOP_WORDS.has(part))
        tokens.push({ term: part, weight: SUBWORD_WEIGHT });
    }
  }
}

function pushBigrams(run: string, tokens: Token[]): void {
  for (let index = 0; index + 1 < run.length; index++) {
    const first = run[index]!;
    const second = run[index + 1]!;
    if (CHINESE_JOINER_CHARACTERS.has(first) || CHINESE_JOINER_CHARACTERS.has(second)) continue;
    const bigram = first + second;
    if (CHINESE_STOP_WORDS.has(bigram)) continue;
    tokens.push({ term: BIGRAM_PREFIX + bigram, weight: BIGRAM_WEIGHT });
  }
}

function pushChinese(run: string, options: TokenizeOptions, tokens: Token[]): void {
  for (const word of jieba(options.domainDictionary).cut(run, true)) {
    if (CHINESE_STOP_WORDS.has(word)) continue;
    tokens.push({ term: word, weight: 1 });
    if (options.subwords && word.length > 2) pushSubwords(word, tokens);
  }
  if (options.bigrams && run.length > 1) pushBigrams(run, tokens);
}

/**
 * Terms of a text in one pass over mixed Chinese and English: jieba words of each Chinese run
 * (with the dictionary words inside long ones, and the run's character bigrams, so that
 * 树脂基碳纤维 and 碳纤维复合材料 share terms however jieba cuts them); English words lower-cased,
 * stop words dropped, Porter-stemmed. Numbers alone are dropped: years and quantities match by
 * accident far more often than by meaning.
 */
export function tokenize(text: string, options: TokenizeOptions = FULL_ANALYSIS): Token[] {
  const tokens: Token[] = [];
  const normalized = normalize(text);
  for (const match of normalized.matchAll(RUNS)) {
    if (match[1] !== undefined) pushChinese(match[1], options, tokens);
    else if (match[2] !== undefined) pushEnglish(match[2], tokens);
  }
  return tokens;
}

/** Shows a term as a reader expects it: a bigram without its prefix, a stem as a word. */
export function displayTerm(term: string): string {
  if (term.startsWith(BIGRAM_PREFIX)) return term.slice(BIGRAM_PREFIX.length);
  return surfaceForms.get(term) ?? term;
}
