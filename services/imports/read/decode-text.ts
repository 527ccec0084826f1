import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads CSV bytes the way Chinese offices write them. Valid UTF-8 (with or without BOM) is UTF-8;
 * otherwise GB18030, which Chinese Excel still writes as "CSV (逗号分隔)". UTF-16 with a BOM is Excel's
 * "Unicode text". Anything else returns null, so the caller can say so rather than import mojibake.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    return text === null ? null : { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  // NUL never occurs in a text CSV; it means UTF-16 without a BOM or a binary file.
  if (bytes.includes(0)) return null;
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = iconv.decode(bytes, 'gb18030');
  if (gb.includes('\uFFFD')) return null;
  return { text: gb, encoding: 'gb18030' };
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
