import { describe, expect, it } from 'vitest';
import { KeyCache } from './key-cache';

describe('KeyCache', () => {
  it('creates a value once per source', () => {
    const cache = new KeyCache<{ source: string }>();
    let created = 0;
    const create = (source: string) => () => {
      created += 1;
      return { source };
    };
    const first = cache.getOrCreate('a', create('a'));
    expect(cache.getOrCreate('a', create('a'))).toBe(first);
    expect(cache.getOrCreate('b', create('b'))).not.toBe(first);
    expect(created).toBe(2);
  });

  it('does not store a value whose creation throws', () => {
    const cache = new KeyCache<number>();
    expect(() =>
      cache.getOrCreate('a', () => {
        throw new Error('bad key');
      }),
    ).toThrow('bad key');
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry at capacity', () => {
    const cache = new KeyCache<number>(2);
    cache.getOrCreate('a', () => 1);
    cache.getOrCreate('b', () => 2);
    cache.getOrCreate('c', () => 3);
    expect(cache.size).toBe(2);
    expect(cache.getOrCreate('a', () => 10)).toBe(10);
    expect(cache.getOrCreate('c', () => 30)).toBe(3);
  });

  it('deletes only the value it was asked to delete', () => {
    const cache = new KeyCache<number>();
    cache.getOrCreate('a', () => 1);
    cache.delete('a', 2);
    expect(cache.getOrCreate('a', () => 3)).toBe(1);
    cache.delete('a', 1);
    expect(cache.getOrCreate('a', () => 3)).toBe(3);
  });
});
