/**
 * RFC 4180 CSV: fields separated by a delimiter, quoted fields may hold delimiters, doubled quotes and
 * line breaks; records end in CRLF, LF or CR. Small enough to own rather than add a dependency.
 */
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

export function parseCsv(text: string, delimiter = sniffDelimiter(text)): CsvParseResult {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteStartedAt = 0;
  let index = 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (index < text.length) {
    const character = text[index]!;
    if (inQuotes) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += character;
      }
      index += 1;
      continue;
    }
    if (character === '"' && field === '') {
      inQuotes = true;
      quoteStartedAt = records.length + 1;
    } else if (character === delimiter) {
      record.push(field);
      field = '';
    } else if (character === '\r' || character === '\n') {
      endRecord();
      if (character === '\r' && text[index + 1] === '\n') index += 1;
    } else {
      field += character;
    }
    index += 1;
  }
  if (field !== '' || record.length > 0 || inQuotes) endRecord();
  return { records, unclosedQuoteAt: inQuotes ? quoteStartedAt : null };
}
