import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { generateCity, groundTruthLines, groundTruthSet } from '../seeds/index.js';

/**
 * Writes the planted ground truth as JSON lines for the matcher's evaluation: to the file named by
 * the first argument, or to stdout. No database is needed; the set comes from the generator.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  const output = target ? createWriteStream(target) : process.stdout;
  const lines = groundTruthLines(groundTruthSet(generateCity()));
  output.write(`${lines.join('\n')}\n`);
  if (target) {
    output.end();
    await finished(output);
    process.stderr.write(`wrote ${lines.length} lines to ${target}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`export-ground-truth: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
