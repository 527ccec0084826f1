import { describe, expect, it } from 'vitest';
import { IndexStateCache } from './index-state-cache.js';

describe('IndexStateCache', () => {
  it('answers again from the cache until the index changes, then computes anew', () => {
    const cache = new IndexStateCache<number>();
    let computed = 0;
    const rank = () => cache.get('demand:1', () => ++computed);
    expect([rank(), rank()]).toEqual([1, 1]);
    cache.invalidate();
    expect(rank()).toBe(2);
  });

  it('does not keep an answer read from the database while the index changed under it', async () => {
    const cache = new IndexStateCache<string>();
    let release: (value: string) => void = () => {};
    const reading = cache.getAsync('team:3', () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate();
    release('as the team read before the change');
    expect(await reading).toBe('as the team read before the change');
    expect(await cache.getAsync('team:3', async () => 'as the team reads now')).toBe('as the team reads now');
  });
});
