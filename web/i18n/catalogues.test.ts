import { describe, expect, it } from 'vitest';
import { areaKeyGaps, catalogueKeys, translate } from './translate.js';

describe('the translation catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    expect(areaKeyGaps()).toEqual([]);
    expect(catalogueKeys('en').sort()).toEqual(catalogueKeys('zh-CN').sort());
  });

  it('fills placeholders and shows a missing key as itself', () => {
    expect(translate('en', 'error.requestId', { id: 'abc' })).toBe('Request abc');
    expect(translate('zh-CN', 'no.such.key')).toBe('no.such.key');
  });
});
