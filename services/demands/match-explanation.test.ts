import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../matcher/index.js';
import { explain } from './match-explanation.js';

const patent = {
  title: '一种碳纤维预浸料的低温快速固化方法',
  text: '碳纤维预浸料低温固化',
  year: 2021,
  kind: 'patent',
};

function bestTeam() {
  const index = new MatchIndex();
  index.add({ id: 'team:composites', kind: 'team', text: '碳纤维复合材料 固化工艺', works: [patent] });
  index.add({ id: 'team:welding', kind: 'team', text: '船体焊接变形控制' });
  return index.topK('碳纤维复合材料固化工艺优化', { kind: 'team' })[0]!;
}

describe('explain', () => {
  it("words the matcher's terms and best work in the reader's language", () => {
    const best = bestTeam();
    expect(explain(best, 'en')).toMatch(
      /^matched on .*碳纤维 \d+%.* — best evidence: the 2021 patent “一种碳纤维预浸料的低温快速固化方法”$/,
    );
    expect(explain(best, 'zh')).toMatch(
      /^匹配词：.*碳纤维 \d+%.*；最佳依据：2021 年的专利《一种碳纤维预浸料的低温快速固化方法》$/,
    );
  });

  it('lists the terms feedback added apart from the words both texts share', () => {
    const match = {
      terms: [
        { term: '碳纤维', share: 0.5 },
        { term: '+预浸料', share: 0.2, via: 'feedback' as const },
      ],
      evidence: null,
    };
    expect(explain(match, 'zh')).toBe('匹配词：碳纤维 50%；相近档案的相关词：预浸料 20%');
    expect(explain(match, 'en')).toBe('matched on 碳纤维 50%; related terms of similar profiles: 预浸料 20%');
  });
});
