import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLineChunks } from './read-batches.js';

async function chunksOf(content: string | Uint8Array, chunkBytes: number) {
  const path = join(mkdtempSync(join(tmpdir(), 'chunks-')), 'lines.jsonl');
  writeFileSync(path, content);
  const chunks: { text: string; firstLine: number }[] = [];
  for await (const chunk of readLineChunks(path, chunkBytes))
    chunks.push({ text: new TextDecoder().decode(chunk.bytes), firstLine: chunk.firstLine });
  return chunks;
}

describe('readLineChunks', () => {
  it('cuts only between lines, numbers each chunk by its first line, and keeps a last line without newline', async () => {
    const lines = [
      '{"id":"a","text":"碳纤维复合材料"}',
      '',
      '{"id":"b","text":"welding 焊接"}',
      '{"id":"c"}',
    ];
    for (const chunkBytes of [1, 7, 40, 1 << 20]) {
      const chunks = await chunksOf(lines.join('\n'), chunkBytes);
      expect(chunks.map((chunk) => chunk.text).join('')).toBe(lines.join('\n'));
      for (const chunk of chunks) {
        const body = chunk.text.endsWith('\n') ? chunk.text.slice(0, -1) : chunk.text;
        expect(body.split('\n')).toEqual(
          lines.slice(chunk.firstLine - 1, chunk.firstLine - 1 + body.split('\n').length),
        );
      }
    }
  });

  it('drops a UTF-8 byte-order mark at the start of the file only', async () => {
    const [chunk] = await chunksOf('\uFEFF{"id":"a"}\n\uFEFF\n', 1 << 20);
    expect(chunk).toEqual({ text: '{"id":"a"}\n\uFEFF\n', firstLine: 1 });
  });

  it('reads an empty file as no chunks', async () => {
    expect(await chunksOf('', 16)).toEqual([]);
  });
});
