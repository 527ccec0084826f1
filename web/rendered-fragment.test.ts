import { describe, expect, it } from 'vitest';
import { FragmentsOf } from './rendered-fragment.js';

describe('FragmentsOf', () => {
  const slowBold = (counter: { renderings: number }) => async (source: { name: string }) => {
    counter.renderings += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return `<b>${source.name}</b>`;
  };

  it('renders once for each kept object, however many requests ask at once', async () => {
    const fragments = new FragmentsOf<{ name: string }, string>();
    const counter = { renderings: 0 };
    const ranking = { name: 'old' };
    const pages = await Promise.all([1, 2, 3].map(() => fragments.get(ranking, '', slowBold(counter))));
    expect(pages).toEqual(['<b>old</b>', '<b>old</b>', '<b>old</b>']);
    expect(counter.renderings).toBe(1);
    // The index moved on: a new ranking object, rendered anew, never the old one's fragment.
    expect(await fragments.get({ name: 'new' }, '', slowBold(counter))).toBe('<b>new</b>');
    expect(counter.renderings).toBe(2);
  });

  it('renders again when what the stamp names has changed', async () => {
    const fragments = new FragmentsOf<{ id: number }, string>();
    const match = { id: 7 };
    const withTitle = (title: string) => () => fragments.get(match, title, async () => `<h3>${title}</h3>`);
    expect(await withTitle('固化工艺')()).toBe('<h3>固化工艺</h3>');
    expect(await withTitle('低温固化工艺')()).toBe('<h3>低温固化工艺</h3>');
  });

  it('tries a failed rendering again instead of keeping the failure', async () => {
    const fragments = new FragmentsOf<object, string>();
    const ranking = {};
    await expect(
      fragments.get(ranking, '', () => Promise.reject(new Error('template broke'))),
    ).rejects.toThrow('template broke');
    expect(await fragments.get(ranking, '', async () => 'fine')).toBe('fine');
  });
});
