/**
 * What text may contain once it enters XueQi, from a form, a JSON body, a query string or an imported
 * cell. PostgreSQL refuses NUL in text and jsonb refuses a lone surrogate, so either one would
 * otherwise surface as a server error deep inside a write; other control characters are invisible
 * in the portal and in spreadsheets, and have no business in a name or a description.
 */
export type TextFault = 'control_character' | 'unpaired_surrogate';

/** C0 controls, DEL and C1 controls: nothing a person types into a single-line field. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return are fine in a multi-line field (a textarea sends CRLF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** In a Unicode-aware pattern a surrogate pair is one code point, so only a lone half matches. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

export type TextShape = 'line' | 'multiline';

/** The first thing wrong with a text value, or null when it may be stored as it is. */
export function textFault(text: string, shape: TextShape): TextFault | null {
  if ((shape === 'line' ? CONTROL_IN_LINE : CONTROL_IN_TEXT).test(text)) return 'control_character';
  if (UNPAIRED_SURROGATE.test(text)) return 'unpaired_surrogate';
  return null;
}
