import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { CorpusGenerator } from './bench-corpus.js';

/** Writes `size` generated profiles as JSONL; returns the seconds it took. */
export async function writeCorpus(path: string, size: number, generator: CorpusGenerator): Promise<number> {
  const started = performance.now();
  const output = createWriteStream(`${path}.partial`);
  for (let index = 0; index < size; index++) {
    if (!output.write(`${JSON.stringify(generator.profile(index))}\n`)) await once(output, 'drain');
  }
  output.end();
  await once(output, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.partial`, path);
  return (performance.now() - started) / 1000;
}
