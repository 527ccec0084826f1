import { describe, expect, it } from 'vitest';
import { wordExplanation } from './explanation-text.js';

const terms = [
  { term: '碳纤维', share: 0.318 },
  { term: '固化', share: 0.21, via: 'thesaurus' as const },
  { term: '~预浸料', share: 0.06, via: 'feedback' as const },
];
const patent = { title: '一种预浸料快速固化方法', year: 2021, kind: 'patent', score: 1 };

describe('a match worded from the matcher’s terms and evidence', () => {
  it('names the terms with their shares, related terms apart, and the best evidence with its year', () => {
    expect(wordExplanation({ terms, evidence: patent }, 'zh-CN')).toBe(
      '匹配词：碳纤维 32%、固化 21%；相近档案的相关词：预浸料 6%；最佳依据：2021 年的专利《一种预浸料快速固化方法》',
    );
    expect(wordExplanation({ terms, evidence: patent }, 'en')).toBe(
      'matched on 碳纤维 32%, 固化 21%; related terms of similar profiles: 预浸料 6% — best evidence: the 2021 patent “一种预浸料快速固化方法”',
    );
  });

  it('says when no term is shared, and names evidence of an unknown kind and no year plainly', () => {
    const evidence = { title: 'Notes', kind: 'talk', score: 1 };
    expect(wordExplanation({ terms: [], evidence }, 'zh-CN')).toBe(
      '没有具体的共同词；最佳依据：成果《Notes》',
    );
    expect(wordExplanation({ terms: [], evidence }, 'en')).toBe(
      'no specific terms in common — best evidence: the work “Notes”',
    );
    expect(wordExplanation({ terms: terms.slice(0, 1), evidence: null }, 'en')).toBe('matched on 碳纤维 32%');
  });

  it('keeps a title that looks like a placeholder or a nested message as it is', () => {
    const odd = { title: '{head} $t(explain.noTerms)', year: 2020, kind: 'paper', score: 1 };
    expect(wordExplanation({ terms: [], evidence: odd }, 'en')).toBe(
      'no specific terms in common — best evidence: the 2020 paper “{head} $t(explain.noTerms)”',
    );
  });
});
