import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { budgetParser, parseDateText } from '../field-parsers.js';
import { columnLetter, normalizeHeader } from '../text-normalization.js';
import { parseCsv } from './csv-parser.js';
import { decodeText } from './decode-text.js';

describe('the CSV parser', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks as one row each', () => {
    const text = 'a,b,c\r\n"1,5","say ""hi""","line one\nline two"\r\n3,,\n';
    expect(parseCsv(text).records).toEqual([
      ['a', 'b', 'c'],
      ['1,5', 'say "hi"', 'line one\nline two'],
      ['3', '', ''],
    ]);
  });

  it('reports a quote that never closes, with the row it opened on', () => {
    expect(parseCsv('a,b\r\n1,"open\r\n2,3').unclosedQuoteAt).toBe(2);
  });

  it('reads the tab-separated text Excel writes as "Unicode text"', () => {
    expect(parseCsv('姓名\t职称\n张伟\t教授').records).toEqual([
      ['姓名', '职称'],
      ['张伟', '教授'],
    ]);
  });
});

describe('decoding CSV bytes', () => {
  it('takes UTF-8 with and without BOM, GB18030, and UTF-16 with a BOM', () => {
    const text = '所属高校,团队名称';
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))?.text).toBe(text);
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))?.text).toBe(
      text,
    );
  });

  it('refuses bytes that are neither', () => {
    expect(decodeText(Buffer.from([0x41, 0xff, 0x42]))).toBeNull();
  });
});

describe('values typed by hand', () => {
  it('reads dates in the common Chinese forms and refuses impossible ones', () => {
    expect(
      ['2024-03-01', '2024/3/1', '2024年3月1日', '２０２４．３．１', '20240301'].map(parseDateText),
    ).toEqual(Array(5).fill('2024-03-01'));
    expect(parseDateText('2024-02-30')).toBeNull();
    expect(parseDateText('明年三月')).toBeNull();
  });

  it('reads budgets as ranges in 万元', () => {
    const parse = budgetParser();
    expect(parse('50-200')).toEqual({ value: { min: 50, max: 200 } });
    expect(parse('50～200万元')).toEqual({ value: { min: 50, max: 200 } });
    expect(parse('100')).toEqual({ value: { min: 100, max: 100 } });
    expect(parse('50-')).toEqual({ value: { min: 50, max: null } });
    expect(parse('面议')).toEqual({ value: { min: null, max: null } });
    expect(parse('about 50')).toMatchObject({ problem: 'invalid_budget' });
  });

  it('matches headers whatever their width, case, spacing and units', () => {
    expect(normalizeHeader(' 预算（万元） ')).toBe(normalizeHeader('预算'));
    expect(normalizeHeader('ＴＲＬ')).toBe('trl');
    expect(normalizeHeader('E-mail')).toBe('email');
    expect(normalizeHeader('*姓名')).toBe('姓名');
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
