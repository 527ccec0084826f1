import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MULTILINE_FIELDS } from './input-hygiene.js';

const VIEWS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'views');

function templates(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templates(path.join(folder, entry.name))
      : entry.name.endsWith('.hbs')
        ? [readFileSync(path.join(folder, entry.name), 'utf8')]
        : [],
  );
}

describe('input hygiene', () => {
  it('lets line breaks into every field a template shows as a textarea', () => {
    const textareaFields = new Set<string>();
    for (const template of templates(VIEWS)) {
      for (const match of template.matchAll(/name="([A-Za-z]+)"[^}>]*type="textarea"/g))
        textareaFields.add(match[1]!);
      for (const match of template.matchAll(/<textarea[^>]*name="([A-Za-z]+)"/g))
        textareaFields.add(match[1]!);
    }
    expect(textareaFields.size).toBeGreaterThan(5);
    expect([...textareaFields].filter((field) => !MULTILINE_FIELDS.has(field))).toEqual([]);
  });
});
