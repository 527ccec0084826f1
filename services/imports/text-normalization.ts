/**
 * Spreadsheets arrive typed by many hands: full-width letters and brackets, stray spaces, upper case.
 * NFKC folds full-width forms to their ASCII twins, so "ＴＲＬ" and "TRL", "（万元）" and "(万元)" agree.
 */
export function normalizeKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Header text reduced to what identifies the column: no units in brackets ("预算(万元)" → "预算"), no
 * required-field stars, spaces or punctuation ("E-mail" → "email").
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*:_\-.'’/、]/g, '');
}

/** Cell text as stored: trimmed, inner runs of whitespace kept (a bio may have paragraphs). */
export function cleanText(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** Lists typed into one cell: "复合材料、固化工艺；无损检测". Commas count too, as rosters use them. */
export function splitList(text: string): string[] {
  return text
    .split(/[;；、,，\n]+/)
    .map(cleanText)
    .filter((item) => item !== '');
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(columnNumber: number): string {
  let letters = '';
  let remaining = columnNumber;
  while (remaining > 0) {
    const digit = (remaining - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    remaining = Math.floor((remaining - 1) / 26);
  }
  return letters;
}
