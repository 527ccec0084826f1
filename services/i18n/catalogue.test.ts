import { describe, expect, it } from 'vitest';
import { areaKeyGaps, catalogueKeys, enumLabel, translate } from './index.js';

describe('the message catalogue', () => {
  it('has every key in Chinese and in English', () => {
    expect(areaKeyGaps()).toEqual([]);
    const base = (keys: string[]) => [...new Set(keys.map((key) => key.replace(/_(one|other)$/, '')))].sort();
    expect(base(catalogueKeys('en'))).toEqual(base(catalogueKeys('zh-CN')));
  });

  it('fills placeholders and shows a missing key as itself', () => {
    expect(translate('en', 'error.requestId', { id: 'abc' })).toBe('Request abc');
    expect(translate('zh-CN', 'no.such.key')).toBe('no.such.key');
  });

  it('keeps a placeholder without a value visible', () => {
    expect(translate('en', 'error.requestId')).toBe('Request {id}');
  });

  it('chooses the English plural by count and keeps one Chinese form', () => {
    expect(translate('en', 'import.report.read', { file: 'a.csv', count: 1 })).toBe('a.csv: 1 row read');
    expect(translate('en', 'import.report.read', { file: 'a.csv', count: 3 })).toBe('a.csv: 3 rows read');
    expect(translate('zh-CN', 'import.report.read', { file: 'a.csv', count: 1 })).toBe('a.csv：读取 1 行');
  });

  it('says a kept message with values the same each time, and each value its own way', () => {
    const read = (count: number) => translate('en', 'import.report.read', { file: 'a.csv', count });
    expect([read(1), read(3), read(1), read(3)]).toEqual([
      'a.csv: 1 row read',
      'a.csv: 3 rows read',
      'a.csv: 1 row read',
      'a.csv: 3 rows read',
    ]);
    // A date is worded each time: kept under its JSON it would answer for the text that JSON is.
    const day = new Date('2026-12-01T00:00:00Z');
    translate('en', 'error.requestId', { id: day });
    expect(translate('en', 'error.requestId', { id: day.toJSON() })).toBe('Request 2026-12-01T00:00:00.000Z');
  });

  it('formats numbers in the reader’s language', () => {
    expect(translate('en', 'import.problem.limit_cells', { max: 2000000 })).toContain('2,000,000');
  });

  it('names an enumeration’s code, and shows an unknown code as it is', () => {
    expect(enumLabel('zh-CN', 'chain', 'carbon_fiber')).toBe('碳纤维复合材料');
    expect(enumLabel('en', 'chain', 'carbon_fiber')).toBe('Carbon-fibre composites');
    expect(enumLabel('en', 'chain', 'moon_mining')).toBe('moon_mining');
    expect(enumLabel('en', 'chain', null)).toBe('');
  });

  it('takes a parameter named like an i18next option as a value', () => {
    expect(translate('en', 'error.requestId', { id: 'abc', lng: 'zh-CN' })).toBe('Request abc');
  });
});
