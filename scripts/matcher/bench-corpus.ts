import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MatchDocument } from '../../matcher/index.js';

/**
 * Deterministic bench corpora: each profile about 150 words, ~90 Chinese words drawn by Zipf's
 * law over jieba's dictionary ranked by frequency and ~60 English words over the Brill lexicon
 * that ships with natural, in alternating clauses the way bilingual profiles mix them.
 */
const require = createRequire(import.meta.url);

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly words: string[],
    exponent = 1,
  ) {
    this.cumulative = new Float64Array(words.length);
    let total = 0;
    for (let rank = 0; rank < words.length; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
  }

  sample(random: () => number): string {
    const target = random() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return this.words[low]!;
  }
}

function chineseVocabulary(size: number): string[] {
  const path = require.resolve('@node-rs/jieba/dict.txt');
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length >= 2 && /^\p{Script=Han}+$/u.test(fields[0]!))
    .sort((left, right) => Number(right[1]) - Number(left[1]))
    .slice(0, size)
    .map((fields) => fields[0]!);
}

function englishVocabulary(size: number, random: () => number): string[] {
  const path = require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
  const words = Object.keys(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>).filter(
    (word) => /^[a-z]{3,}$/.test(word),
  );
  for (let index = words.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [words[index], words[other]] = [words[other]!, words[index]!];
  }
  return words.slice(0, size);
}

export interface CorpusGenerator {
  profile(index: number): MatchDocument;
  demand(index: number): MatchDocument;
}

export function createCorpusGenerator(seed = 42): CorpusGenerator {
  const setup = mulberry32(seed);
  const chinese = new ZipfSampler(chineseVocabulary(60_000));
  const english = new ZipfSampler(englishVocabulary(40_000, setup));
  const text = (random: () => number, chineseWords: number, englishWords: number): string => {
    const parts: string[] = [];
    let zh = chineseWords;
    let en = englishWords;
    while (zh > 0 || en > 0) {
      const zhClause = Math.min(zh, 8 + Math.floor(random() * 8));
      if (zhClause > 0)
        parts.push(`${Array.from({ length: zhClause }, () => chinese.sample(random)).join('')}，`);
      zh -= zhClause;
      const enClause = Math.min(en, 5 + Math.floor(random() * 6));
      if (enClause > 0)
        parts.push(`${Array.from({ length: enClause }, () => english.sample(random)).join(' ')}. `);
      en -= enClause;
    }
    return parts.join('');
  };
  return {
    profile: (index) => ({
      id: `faculty:${index}`,
      kind: 'faculty',
      text: text(mulberry32(seed * 1_000_003 + index), 90, 60),
    }),
    demand: (index) => ({
      id: `demand:${index}`,
      kind: 'demand',
      text: text(mulberry32(seed * 7_919 + index + 1e9), 15, 10),
    }),
  };
}
