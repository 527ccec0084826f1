import type {
  BatchEncoder,
  DocumentAnalyzer,
  DocumentKind,
  EncodedBatch,
  MatchDocument,
  MatchWork,
} from '../../matcher/index.js';

/**
 * Reads one JSONL input line of the batch command line:
 *   {"id": string, "text": string, "works"?: [{"title": string, "text": string, "year"?: number}],
 *    "title"?: string, "keywords"?: string[], "kind"?: "faculty" | "team" | "result" | "demand"}
 * Returns the document, null for a blank line, or a one-line error naming file and line.
 */
export function parseDocumentLine(
  line: string,
  lineNumber: number,
  source: string,
): MatchDocument | null | string {
  if (!line.trim()) return null;
  const where = `${source}:${lineNumber}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return `${where}: not valid JSON`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return `${where}: expected a JSON object`;
  const { id, text, works, title, keywords, kind } = record as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return `${where}: "id" must be a non-empty string`;
  if (typeof text !== 'string') return `${where}: "text" must be a string`;
  if (title !== undefined && typeof title !== 'string') return `${where}: "title" must be a string`;
  if (
    keywords !== undefined &&
    !(Array.isArray(keywords) && keywords.every((word) => typeof word === 'string'))
  ) {
    return `${where}: "keywords" must be an array of strings`;
  }
  if (kind !== undefined && !['faculty', 'team', 'result', 'demand'].includes(kind as string)) {
    return `${where}: "kind" must be faculty, team, result or demand`;
  }
  const parsedWorks: MatchWork[] = [];
  if (works !== undefined) {
    if (!Array.isArray(works)) return `${where}: "works" must be an array`;
    for (const [position, work] of works.entries()) {
      const {
        title: workTitle,
        text: workText,
        year,
        kind: workKind,
      } = (work ?? {}) as Record<string, unknown>;
      if (typeof workTitle !== 'string' || typeof workText !== 'string') {
        return `${where}: works[${position}] needs a string "title" and "text"`;
      }
      if (year !== undefined && (typeof year !== 'number' || !Number.isFinite(year))) {
        return `${where}: works[${position}].year must be a number`;
      }
      const parsed: MatchWork = { title: workTitle, text: workText };
      if (year !== undefined) parsed.year = year as number;
      if (typeof workKind === 'string') parsed.kind = workKind;
      parsedWorks.push(parsed);
    }
  }
  const document: MatchDocument = { id, kind: (kind as DocumentKind | undefined) ?? 'faculty', text };
  if (title !== undefined) document.title = title as string;
  if (keywords !== undefined) document.keywords = keywords as string[];
  if (parsedWorks.length) document.works = parsedWorks;
  return document;
}

/** A run of whole lines of a JSONL file, as bytes, and the number of its first line. */
export interface LineChunk {
  bytes: Uint8Array;
  firstLine: number;
}

/** Documents of a chunk analysed and numbered, with the line each came from. */
export interface EncodedLines {
  batch: EncodedBatch;
  lineNumbers: Int32Array;
}

export interface EncodeOptions {
  /** Also analyse the words-only view that method 'baseline' reads. */
  baseline: boolean;
  /** Read every document as this kind, whatever its line says. */
  kind?: DocumentKind;
}

const decoder = new TextDecoder();

/** The lines of a chunk, without their line breaks. */
export function chunkLines(chunk: LineChunk): string[] {
  const lines = decoder.decode(chunk.bytes).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Parses, analyses and numbers the documents of a chunk; stops at the first malformed line. */
export function encodeChunk(
  chunk: LineChunk,
  source: string,
  encoder: BatchEncoder,
  analysis: DocumentAnalyzer,
  options: EncodeOptions,
): EncodedLines | { error: string } {
  const lineNumbers: number[] = [];
  for (const [index, line] of chunkLines(chunk).entries()) {
    const lineNumber = chunk.firstLine + index;
    const parsed = parseDocumentLine(line, lineNumber, source);
    if (typeof parsed === 'string') return { error: parsed };
    if (!parsed) continue;
    if (options.kind) parsed.kind = options.kind;
    encoder.add(parsed, analysis);
    lineNumbers.push(lineNumber);
  }
  return { batch: encoder.take(), lineNumbers: Int32Array.from(lineNumbers) };
}
