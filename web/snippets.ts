/** A piece of a snippet: plain text, or a query term to highlight. The template escapes both. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Characters a snippet shows: about two lines of a list on a phone. */
const SNIPPET_LENGTH = 90;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words to highlight: what was typed, split on spaces, and the terms the matcher matched on. */
export function highlightWords(query: string, terms: { term: string }[]): string[] {
  const words = [...query.split(/[\s,，、;；]+/), ...terms.map((term) => term.term)]
    .map((word) => word.trim())
    .filter((word) => word.length >= 2 || /[\u4e00-\u9fff]/.test(word));
  return [...new Set(words)].sort((left, right) => right.length - left.length);
}

/**
 * A short window of the text around the first highlighted word, cut into parts so the template
 * can wrap the words in <mark> while escaping everything: the text never becomes HTML.
 */
export function snippetOf(text: string, words: string[], length = SNIPPET_LENGTH): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = words.length ? new RegExp(words.map(escapeRegExp).join('|'), 'gi') : null;
  const first = pattern ? flat.search(pattern) : -1;
  const start = first > length / 3 ? first - Math.floor(length / 3) : 0;
  const window = flat.slice(start, start + length);
  const prefix = start > 0 ? '…' : '';
  const suffix = start + length < flat.length ? '…' : '';
  const parts: SnippetPart[] = [];
  let last = 0;
  if (pattern) {
    for (const found of window.matchAll(pattern)) {
      const at = found.index ?? 0;
      if (at > last) parts.push({ text: window.slice(last, at), mark: false });
      parts.push({ text: found[0], mark: true });
      last = at + found[0].length;
    }
  }
  if (last < window.length) parts.push({ text: window.slice(last), mark: false });
  if (prefix) parts.unshift({ text: prefix, mark: false });
  if (suffix) parts.push({ text: suffix, mark: false });
  return parts;
}
