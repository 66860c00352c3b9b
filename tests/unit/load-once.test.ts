import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../src/lib/load-once.ts';

describe('loadOnce', () => {
  it('loads a key once and gives every caller the same load', async () => {
    const store = new Map<string, Promise<number>>();
    let loads = 0;
    const load = async () => ++loads;
    const [first, second] = [loadOnce(store, 'a', load), loadOnce(store, 'a', load)];
    expect(first).toBe(second);
    await expect(first).resolves.toBe(1);
    await expect(loadOnce(store, 'a', load)).resolves.toBe(1);
    await expect(loadOnce(store, 'b', load)).resolves.toBe(2);
  });

  it('forgets a load that failed, so the next caller loads again', async () => {
    const store = new WeakMap<object, Promise<string>>();
    const key = {};
    await expect(loadOnce(store, key, () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    await expect(loadOnce(store, key, async () => 'ok')).resolves.toBe('ok');
  });
});
