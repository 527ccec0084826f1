const HAN = /\p{Script=Han}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** CJK Unified Ideographs and Extension A: fully assigned, all Script=Han, and most of any text. */
function isCommonHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** True when NFKC and lower-casing can no longer change the text: ASCII lower case and common Han. */
function isStable(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80 ? code >= 0x41 && code <= 0x5a : !isCommonHan(code)) return false;
  }
  return true;
}

/**
 * Full-width to half-width and compatibility forms (NFKC), lower case, whitespace collapsed.
 * Idempotent, so analysing normalised text changes nothing: NFKC and lower-casing are repeated
 * until they settle, which the rare characters need (a few lower-case to non-NFKC sequences).
 */
export function normalize(text: string): string {
  let current = text.normalize('NFKC').toLowerCase();
  if (!isStable(current)) {
    for (let round = 0; round < 4; round++) {
      const next = current.normalize('NFKC').toLowerCase();
      if (next === current) break;
      current = next;
    }
  }
  // Single spaces, most of any text, are left alone: replacing each with itself cost half the time.
  return current.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** What a character is to the tokenizer: part of a Chinese run, of a word, or a separator. */
enum CharacterClass {
  Separator = 0,
  Han = 1,
  Word = 2,
}

function classify(code: number): CharacterClass {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
      ? CharacterClass.Word
      : CharacterClass.Separator;
  }
  if (isCommonHan(code)) return CharacterClass.Han;
  const character = String.fromCodePoint(code);
  if (HAN.test(character)) return CharacterClass.Han;
  return LETTER_OR_NUMBER.test(character) ? CharacterClass.Word : CharacterClass.Separator;
}

/**
 * Splits text into maximal runs of Chinese characters and of other letters and digits, in
 * order, by one scan over code points (a Unicode-property regex costs several times more).
 */
export function scanRuns(text: string, onRun: (run: string, chinese: boolean) => void): void {
  let start = -1;
  let runClass = CharacterClass.Separator;
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    const characterClass = classify(code);
    if (characterClass !== runClass) {
      if (runClass !== CharacterClass.Separator)
        onRun(text.slice(start, index), runClass === CharacterClass.Han);
      runClass = characterClass;
      start = index;
    }
    index += width;
  }
  if (runClass !== CharacterClass.Separator) onRun(text.slice(start), runClass === CharacterClass.Han);
}
