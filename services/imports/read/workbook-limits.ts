import { createInflateRaw } from 'node:zlib';

/**
 * What a workbook may hold before XueQi reads it. An XLSX is a ZIP of XML: 2.5 MB can inflate to a
 * gigabyte, and the reader builds an object per cell, so the sizes are checked first, from the
 * ZIP's own directory and then while inflating, stopping at the first limit passed — before the
 * spreadsheet reader sees a byte. The defaults hold the bureau's biggest lists (a 100,000-row
 * roster is about 1 million cells and 40 MB of XML) with room to spare.
 */
export const WORKBOOK_LIMITS = {
  /** All parts of the workbook together, inflated. */
  uncompressedBytes: 100 * 1024 * 1024,
  /** Rows on any one sheet. */
  rowsPerSheet: 200_000,
  /** Cells on all sheets together. */
  cells: 3_000_000,
  /** Entries in the shared-string table (each distinct text of the workbook). */
  sharedStrings: 1_000_000,
  /** How deep XML elements nest; a real sheet goes 5 deep. */
  xmlDepth: 100,
  /** Parts in the ZIP; a workbook has a dozen, plus one per sheet. */
  zipEntries: 2_000,
} as const;

export type WorkbookLimit = keyof typeof WORKBOOK_LIMITS;

export interface LimitExceeded {
  limit: WorkbookLimit;
  max: number;
  /** The value found when reading stopped; at least `max + 1`, maybe more in the file. */
  found: number;
}

export class WorkbookLimitError extends Error {
  constructor(readonly exceeded: LimitExceeded) {
    super(`workbook over the ${exceeded.limit} limit (${exceeded.max})`);
  }
}

export class MalformedZipError extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** The ZIP's central directory: every part's name and declared sizes, read without inflating anything. */
function readDirectory(zip: Buffer, maxEntries: number): ZipEntry[] {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new MalformedZipError('no ZIP directory (the file is truncated or not a workbook)');
  const count = zip.readUInt16LE(end + 10);
  if (count > maxEntries)
    throw new WorkbookLimitError({ limit: 'zipEntries', max: maxEntries, found: count });
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== DIRECTORY_ENTRY)
      throw new MalformedZipError('the ZIP directory is damaged');
    const nameLength = zip.readUInt16LE(offset + 28);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      uncompressedSize: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    };
    // ZIP64 is for parts over 4 GB: far past any limit here.
    if (entry.uncompressedSize === ZIP64_MARK || entry.compressedSize === ZIP64_MARK)
      throw new WorkbookLimitError({
        limit: 'uncompressedBytes',
        max: WORKBOOK_LIMITS.uncompressedBytes,
        found: ZIP64_MARK,
      });
    entries.push(entry);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

function compressedData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER)
    throw new MalformedZipError(`the part ${entry.name} is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  return zip.subarray(start, start + entry.compressedSize);
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const COLON = 0x3a;

/**
 * Counts what the limits are about in a stream of XML bytes, without parsing it: elements opened
 * (by local name) and the nesting depth. A byte-level scan, so a chunk may end anywhere.
 */
class XmlCounter {
  depth = 0;
  maxDepth = 0;
  rows = 0;
  cells = 0;
  sharedStrings = 0;
  private inTag = false;
  private closing = false;
  private special = false;
  private nameDone = false;
  private name = '';
  private previous = 0;

  scan(chunk: Buffer): void {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index]!;
      if (!this.inTag) {
        if (byte === LT) {
          this.inTag = true;
          this.closing = false;
          this.special = false;
          this.nameDone = false;
          this.name = '';
        }
      } else if (this.name === '' && !this.nameDone && !this.closing && byte === SLASH) {
        this.closing = true;
      } else if (this.name === '' && !this.nameDone && (byte === QUESTION || byte === BANG)) {
        this.special = true;
        this.nameDone = true;
      } else if (byte === GT) {
        this.finishName();
        if (!this.special) {
          if (this.closing) this.depth -= 1;
          else if (this.previous === SLASH) this.depth -= 1;
        }
        this.inTag = false;
      } else if (!this.nameDone) {
        const isNameByte = byte > 0x20 && byte !== SLASH;
        if (isNameByte && this.name.length < 24) {
          this.name = byte === COLON ? '' : this.name + String.fromCharCode(byte);
        } else if (!isNameByte) this.finishName();
      }
      this.previous = byte;
    }
  }

  private finishName(): void {
    if (this.nameDone) return;
    this.nameDone = true;
    if (this.special || this.closing) return;
    this.depth += 1;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (this.name === 'row') this.rows += 1;
    else if (this.name === 'c') this.cells += 1;
    else if (this.name === 'si') this.sharedStrings += 1;
  }
}

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);
const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Checks a workbook's bytes against the limits: first the sizes the ZIP declares, then, inflating
 * one part at a time as a stream (never holding a part whole), the real sizes, rows, cells, shared
 * strings and depth. Throws WorkbookLimitError naming the first limit passed, MalformedZipError for
 * a damaged file; returns when the file is within every limit.
 */
export async function checkWorkbookLimits(
  zip: Buffer,
  limits: { [Key in WorkbookLimit]: number } = WORKBOOK_LIMITS,
): Promise<void> {
  const entries = readDirectory(zip, limits.zipEntries);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const over = (limit: WorkbookLimit, found: number) => {
    if (found > limits[limit]) throw new WorkbookLimitError({ limit, max: limits[limit], found });
  };
  over('uncompressedBytes', declared);
  let inflated = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const counter = new XmlCounter();
    const xml = isXmlPart(entry.name);
    const check = (chunk: Buffer) => {
      // A part's declared size may lie; what inflates is what counts.
      inflated += chunk.length;
      over('uncompressedBytes', inflated);
      if (!xml) return;
      counter.scan(chunk);
      over('xmlDepth', counter.maxDepth);
      if (isSheet(entry.name)) over('rowsPerSheet', counter.rows);
      over('cells', cells + counter.cells);
      over('sharedStrings', counter.sharedStrings);
    };
    const data = compressedData(zip, entry);
    if (entry.method === 0) check(data);
    else if (entry.method === 8) await inflateChecked(data, check);
    else throw new MalformedZipError(`the part ${entry.name} uses an unknown compression (${entry.method})`);
    cells += counter.cells;
  }
}

/** Inflates as a stream, handing each piece to `check`; a throw from `check` stops the inflating at once. */
function inflateChecked(data: Buffer, check: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let failed = false;
    inflater.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        check(chunk);
      } catch (error) {
        failed = true;
        inflater.destroy();
        reject(error);
      }
    });
    inflater.on('error', (error) => {
      if (failed) return;
      failed = true;
      reject(new MalformedZipError(`a part cannot be inflated (${error.message})`));
    });
    inflater.on('end', () => {
      if (!failed) resolve();
    });
    inflater.end(data);
  });
}
