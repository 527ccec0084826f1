import { CsvError, parse } from 'csv-parse/sync';

export interface CsvParseResult {
  /** records[n - 1] is row n as Excel shows it (a quoted line break stays inside its row). */
  records: string[][];
  /** The record number where an unclosed quote began, when the file ends inside quotes. */
  unclosedQuoteAt: number | null;
}

/** Excel writes commas, or tabs in "Unicode text"; the header line tells which. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const count = (character: string) => firstLine.split(character).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semicolons = count(';');
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

/**
 * RFC 4180 as offices write it: rows of any length, a stray quote inside a field kept as text,
 * blank lines kept (so row numbers match what Excel shows), and CRLF, LF or CR line ends, mixed
 * as files edited on several machines mix them.
 */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): CsvParseResult {
  try {
    const records = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return { records, unclosedQuoteAt: null };
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')
      return { records: [], unclosedQuoteAt: Number(error.records ?? 0) + 1 };
    throw error;
  }
}
