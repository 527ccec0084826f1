import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Hostile workbooks made on the spot, for the limits' tests: a ZIP written by hand so a part's
 * declared size can lie, and parts generated piece by piece so a gigabyte is never in memory.
 */
interface Part {
  name: string;
  /** Pieces of the part's bytes, produced one at a time. */
  pieces: () => Iterable<Buffer>;
  /** Overrides the size written in the ZIP's headers: an inflation bomb's lie. */
  declaredSize?: number;
}

type Deflated = { data: Buffer; size: number; crc: number };
/** Deflating a gigabyte takes seconds: each distinct part is deflated once per test run. */
const deflatedParts = new Map<Part['pieces'], Promise<Deflated>>();

async function deflatePieces(pieces: Iterable<Buffer>): Promise<Deflated> {
  const deflater = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    size += piece.length;
    crc = crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await ended;
  return { data: Buffer.concat(chunks), size, crc };
}

export async function writeZip(parts: Part[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    if (!deflatedParts.has(part.pieces)) deflatedParts.set(part.pieces, deflatePieces(part.pieces()));
    const { data, size, crc } = await deflatedParts.get(part.pieces)!;
    const declared = part.declaredSize ?? size;
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(declared, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Math.min(declared, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const texts = new Map<string, Part['pieces']>();
/** A part of fixed text; the same function for the same text, so it is deflated once. */
const text = (value: string): Part['pieces'] => {
  if (!texts.has(value)) texts.set(value, () => [Buffer.from(value, 'utf8')]);
  return texts.get(value)!;
};

function* repeated(
  head: string,
  body: (index: number) => string,
  count: number,
  tail: string,
  perPiece = 10_000,
) {
  yield Buffer.from(head);
  for (let start = 0; start < count; start += perPiece) {
    let piece = '';
    for (let index = start; index < Math.min(count, start + perPiece); index++) piece += body(index);
    yield Buffer.from(piece);
  }
  yield Buffer.from(tail);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook has around its sheet. */
function workbookParts(
  sheet: Part['pieces'],
  sharedStrings?: Part['pieces'],
  declaredSheetSize?: number,
): Part[] {
  return [
    {
      name: '[Content_Types].xml',
      pieces: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      pieces: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      pieces: text(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="教师" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', pieces: sheet, declaredSize: declaredSheetSize },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', pieces: sharedStrings }] : []),
  ];
}

const GIGABYTE = 1024 * 1024 * 1024;

/** A sheet of one cell padded with a gigabyte of spaces, declared as what it is or as 1 KB. */
const bombSheet = function* () {
  const padding = Buffer.alloc(1024 * 1024, 0x20);
  yield Buffer.from(SHEET_HEAD);
  for (let index = 0; index < 1024; index++) yield padding;
  yield Buffer.from(SHEET_TAIL);
};

export function inflationBomb(declared: 'honest' | 'lying'): Promise<Buffer> {
  return writeZip(workbookParts(bombSheet, undefined, declared === 'honest' ? GIGABYTE : 1024));
}

/** A shared-string table of 1,500,000 entries. */
export function hugeSharedStrings(): Promise<Buffer> {
  const count = 1_500_000;
  return writeZip(
    workbookParts(text(`${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`), () =>
      repeated(
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`,
        (index) => `<si><t>教师${index}</t></si>`,
        count,
        '</sst>',
      ),
    ),
  );
}

/** A sheet of 1,000,000 rows of one small cell each. */
export function millionRows(): Promise<Buffer> {
  return writeZip(
    workbookParts(() =>
      repeated(
        SHEET_HEAD,
        (index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>1</v></c></row>`,
        1_000_000,
        SHEET_TAIL,
      ),
    ),
  );
}

/** A sheet whose one cell sits inside 50,000 nested elements. */
export function deepXml(): Promise<Buffer> {
  const depth = 50_000;
  return writeZip(
    workbookParts(() => [
      Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is>`),
      Buffer.from('<r>'.repeat(depth)),
      Buffer.from('<t>x</t>'),
      Buffer.from('</r>'.repeat(depth)),
      Buffer.from(`</is></c></row>${SHEET_TAIL}`),
    ]),
  );
}
