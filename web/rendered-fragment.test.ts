import { describe, expect, it } from 'vitest';
import { FragmentsOf } from './rendered-fragment.js';

describe('FragmentsOf', () => {
  it('renders once for each kept object, however many requests ask at once', async () => {
    const fragments = new FragmentsOf<{ name: string }, string>();
    let renderings = 0;
    const render = async (source: { name: string }) => {
      renderings += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `<b>${source.name}</b>`;
    };
    const ranking = { name: 'old' };
    const pages = await Promise.all([1, 2, 3].map(() => fragments.get(ranking, render)));
    expect(pages).toEqual(['<b>old</b>', '<b>old</b>', '<b>old</b>']);
    expect(renderings).toBe(1);
    // The index moved on: a new ranking object, rendered anew, never the old one's fragment.
    expect(await fragments.get({ name: 'new' }, render)).toBe('<b>new</b>');
    expect(renderings).toBe(2);
  });

  it('tries a failed rendering again instead of keeping the failure', async () => {
    const fragments = new FragmentsOf<object, string>();
    const ranking = {};
    await expect(fragments.get(ranking, () => Promise.reject(new Error('template broke')))).rejects.toThrow(
      'template broke',
    );
    expect(await fragments.get(ranking, async () => 'fine')).toBe('fine');
  });
});
