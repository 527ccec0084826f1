import { open } from 'node:fs/promises';
import type { ChunkAnalyzer } from './analysis-pool.js';
import type { EncodedLines, LineChunk } from './document-lines.js';

/** Bytes read at once: about a thousand profiles, enough to amortise a message to a worker. */
export const CHUNK_BYTES = 1 << 20;

const NEWLINE = 0x0a;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Reads a file as chunks of whole lines, each in its own buffer so that it can be handed to a
 * worker without copying. A UTF-8 byte-order mark, which Windows tools write, is dropped.
 */
export async function* readLineChunks(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<LineChunk> {
  const file = await open(path);
  try {
    let carried = new Uint8Array(0);
    let firstLine = 1;
    let atStart = true;
    for (;;) {
      const buffer = new Uint8Array(carried.length + chunkBytes);
      buffer.set(carried);
      const { bytesRead } = await file.read(buffer, carried.length, chunkBytes, null);
      let filled = buffer.subarray(0, carried.length + bytesRead);
      if (atStart && BYTE_ORDER_MARK.every((byte, index) => filled[index] === byte))
        filled = filled.subarray(3);
      atStart = false;
      if (bytesRead === 0) {
        if (filled.length > 0) yield { bytes: filled, firstLine };
        return;
      }
      const end = filled.lastIndexOf(NEWLINE) + 1;
      carried = filled.slice(end);
      if (end === 0) continue;
      // Counted before yielding: the consumer may transfer the buffer to a worker.
      const bytes = filled.subarray(0, end);
      const lines = countLines(bytes);
      yield { bytes, firstLine };
      firstLine += lines;
    }
  } finally {
    await file.close();
  }
}

/**
 * Streams a JSONL file through the analyzer, handing each chunk's documents to `onBatch` in
 * file order, with at most `inFlight` chunks queued so memory stays flat on any file size.
 */
export async function forEachEncodedBatch(
  path: string,
  analyzer: ChunkAnalyzer,
  onBatch: (encoded: EncodedLines) => void,
  inFlight = 8,
): Promise<void> {
  const queue: Promise<EncodedLines>[] = [];
  const drainTo = async (size: number) => {
    while (queue.length > size) onBatch(await queue.shift()!);
  };
  for await (const chunk of readLineChunks(path)) {
    const encoded = analyzer.analyze(chunk, path);
    encoded.catch(() => {});
    queue.push(encoded);
    await drainTo(inFlight);
  }
  await drainTo(0);
}
