import { describe, expect, it } from 'vitest';
import { MatchIndex } from './match-index.js';
import { DEMANDS, FACULTY, TEAMS } from './testing/corpus.js';
import { METHOD_NAMES } from './types.js';

function buildIndex(): MatchIndex {
  const index = new MatchIndex({ baseline: true });
  for (const document of [...TEAMS, ...FACULTY, ...DEMANDS]) index.add(document);
  return index;
}

const demand = (id: string) => DEMANDS.find((document) => document.id === id)!;
const index = buildIndex();

describe('MatchIndex.topK', () => {
  it('ranks the carbon-fibre team first for a composite-curing demand, with every method', () => {
    for (const method of METHOD_NAMES) {
      expect(index.topK(demand('demand:curing'), { kind: 'team', method })[0]?.id, method).toBe(
        'team:composites',
      );
    }
  });

  it('ranks the welding team first for a hull-welding demand worded differently from its profile', () => {
    expect(index.topK(demand('demand:welding'), { kind: 'team' })[0]?.id).toBe('team:welding');
  });

  it('ranks the marine-biology team first for a sea-cucumber collagen demand', () => {
    expect(index.topK(demand('demand:collagen'), { kind: 'team' })[0]?.id).toBe('team:marine-bio');
  });

  it('ranks the imaging lecturer first for an English ultrasound demand', () => {
    expect(index.topK(demand('demand:ultrasound'), { kind: 'faculty' })[0]?.id).toBe('faculty:wang');
  });

  it('finds carbon-fibre faculty for a Chinese demand whether their profiles are in Chinese or English', () => {
    const ids = index.topK(demand('demand:curing'), { kind: 'faculty' }).map((match) => match.id);
    expect(ids.slice(0, 3).sort()).toEqual(['faculty:chen', 'faculty:sun', 'faculty:zhao']);
  });

  it('matches across languages only through the thesaurus: the baseline cannot', () => {
    const english = index
      .topK('碳纤维预浸料固化', { kind: 'faculty', method: 'baseline' })
      .map((match) => match.id);
    expect(english).not.toContain('faculty:chen');
    expect(index.topK('碳纤维预浸料固化', { kind: 'faculty' }).map((match) => match.id)).toContain(
      'faculty:chen',
    );
  });

  it('ranks demands for a team: the reverse direction', () => {
    const team = TEAMS.find((document) => document.id === 'team:welding')!;
    expect(index.topK(team, { kind: 'demand' })[0]?.id).toBe('demand:welding');
  });

  it('returns nothing for a query that shares no term', () => {
    expect(index.topK('量子引力弦论', { kind: 'team' })).toEqual([]);
  });

  it('applies filters on university, title and doctoral supervision', () => {
    const query = '碳纤维 复合材料 CFRP';
    const options = { kind: 'faculty' as const };
    expect(
      index
        .topK(query, { ...options, filters: { doctoralSupervisor: true } })
        .map((m) => m.id)
        .sort(),
    ).toEqual(['faculty:chen', 'faculty:zhao']);
    expect(
      index
        .topK(query, { ...options, filters: { university: ['HIT Weihai'] } })
        .map((m) => m.id)
        .sort(),
    ).toEqual(['faculty:chen', 'faculty:sun']);
    expect(index.topK(query, { ...options, filters: { title: '副教授' } }).map((m) => m.id)).toEqual([
      'faculty:sun',
    ]);
  });

  it('filters teams by chain', () => {
    const results = index.topK('材料 工艺', { kind: 'team', filters: { chain: '海洋生物' } });
    expect(results.map((match) => match.id)).toEqual(['team:marine-bio']);
  });

  it('keeps at most two members of one team in the top k when diversity is on', () => {
    const query = '碳纤维复合材料 carbon fibre composites 固化 检测 原丝 ultrasound';
    const plain = index.topK(query, { kind: 'faculty', k: 3 });
    expect(plain.every((match) => ['faculty:chen', 'faculty:zhao', 'faculty:sun'].includes(match.id))).toBe(
      true,
    );
    const diverse = index.topK(query, { kind: 'faculty', k: 3, diversity: true });
    expect(
      diverse.filter((match) => ['faculty:chen', 'faculty:zhao', 'faculty:sun'].includes(match.id)),
    ).toHaveLength(2);
  });

  it('respects k', () => {
    expect(index.topK('材料', { kind: 'team', k: 2 }).length).toBeLessThanOrEqual(2);
  });
});

describe('MatchIndex.scorePair', () => {
  it('gives the same score and terms as topK for every method', () => {
    for (const method of METHOD_NAMES) {
      for (const match of index.topK(demand('demand:curing'), { kind: 'team', method })) {
        const pair = index.scorePair(demand('demand:curing'), match.id, method);
        expect(pair?.score).toBeCloseTo(match.score, 12);
        expect(pair?.terms).toEqual(match.terms);
      }
    }
  });

  it('returns null for an unknown id and zero for a pair with nothing in common', () => {
    expect(index.scorePair('碳纤维', 'team:unknown')).toBeNull();
    expect(index.scorePair('量子引力', 'team:welding')?.score).toBe(0);
  });
});

describe('MatchIndex.scoreAll', () => {
  it('scores every document of the kind in the order added, zeros included, as topK does', () => {
    const all = [...index.scoreAll(demand('demand:curing'), { kind: 'faculty' })];
    expect(all.map((match) => match.id)).toEqual(FACULTY.map((document) => document.id));
    const top = index.topK(demand('demand:curing'), { kind: 'faculty', k: 10 });
    for (const match of top) expect(all.find((entry) => entry.id === match.id)?.score).toBe(match.score);
    expect(all.filter((match) => match.score === 0).every((match) => match.terms.length === 0)).toBe(true);
  });
});

describe('explanations', () => {
  it('names the shared terms with shares that sum to at most one, and the best work as evidence', () => {
    const [best] = index.topK(demand('demand:curing'), { kind: 'team' });
    const terms = best!.terms.map((term) => term.term);
    expect(terms).toEqual(expect.arrayContaining(['碳纤维', '固化']));
    expect(best!.terms.reduce((sum, term) => sum + term.share, 0)).toBeLessThanOrEqual(1.001);
    expect(best!.evidence).toMatchObject({
      title: '一种碳纤维预浸料的低温快速固化方法',
      year: 2021,
      kind: 'patent',
    });
  });

  it('shows English terms as words, not stems', () => {
    const [best] = index.topK(demand('demand:ultrasound'), { kind: 'faculty' });
    expect(best!.terms.map((term) => term.term)).toContain('segmentation');
  });
});
