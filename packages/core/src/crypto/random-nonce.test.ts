import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomNonce } from './random-nonce';

const alphanumeric = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('randomNonce', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('draws 32 alphanumeric characters by default', () => {
    const nonce = randomNonce();
    expect(nonce).toHaveLength(32);
    expect(nonce).toMatch(/^[0-9A-Za-z]{32}$/);
  });

  it('honours the length and alphabet', () => {
    expect(randomNonce(0)).toBe('');
    expect(randomNonce(100_000)).toHaveLength(100_000);
    expect(randomNonce(64, '0123456789abcdef')).toMatch(/^[0-9a-f]{64}$/);
    expect(randomNonce(10, 'x')).toBe('xxxxxxxxxx');
  });

  it('treats the alphabet as code points, not UTF-16 units', () => {
    const nonce = randomNonce(50, '🍎🍐');
    expect(Array.from(nonce)).toHaveLength(50);
    expect(nonce).toMatch(/^(🍎|🍐)+$/u);
  });

  it('checks each alphabet it is given, whichever alphabet came before', () => {
    expect(randomNonce(8, 'ab')).toMatch(/^[ab]{8}$/);
    expect(() => randomNonce(8, 'aa')).toThrow(RangeError);
    expect(randomNonce(8, 'xyz')).toMatch(/^[xyz]{8}$/);
    expect(randomNonce(8, 'ab')).toMatch(/^[ab]{8}$/);
  });

  it('never repeats over 1000 draws', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => randomNonce()));
    expect(nonces.size).toBe(1000);
  });

  it('draws every character about equally often', () => {
    // 2,000 expected draws per character; modulo bias would put the first 8 characters about 21% above the
    // others, far outside this band, which is over 6 standard deviations wide.
    const counts = new Map<string, number>();
    for (const character of randomNonce(alphanumeric.length * 2000)) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
    }
    expect(counts.size).toBe(alphanumeric.length);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(1700);
      expect(count).toBeLessThan(2300);
    }
  });

  it('rejects the random bytes that would cause modulo bias instead of wrapping them', () => {
    // With 62 characters, bytes 248..255 are rejected: 255 and 248 are skipped, then 0, 61 and 247 map to
    // '0', 'z' and (247 % 62 = 61) 'z'.
    let call = 0;
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      const target = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      target.fill(call === 0 ? 0 : 1);
      if (call === 0) target.set([255, 248, 0, 61, 247]);
      call += 1;
      return array;
    });
    expect(randomNonce(3)).toBe('0zz');
  });

  it('keeps drawing when a whole batch is rejected', () => {
    let call = 0;
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(call === 0 ? 250 : 10);
      call += 1;
      return array;
    });
    expect(randomNonce(4)).toBe('AAAA');
    expect(call).toBe(2);
  });

  it('rejects invalid arguments', () => {
    expect(() => randomNonce(-1)).toThrow(RangeError);
    expect(() => randomNonce(1.5)).toThrow(RangeError);
    expect(() => randomNonce(Number.NaN)).toThrow(RangeError);
    expect(() => randomNonce(8, '')).toThrow(RangeError);
    expect(() => randomNonce(8, 'abca')).toThrow(/repeat/);
    expect(() =>
      randomNonce(8, String.fromCodePoint(...Array.from({ length: 257 }, (_, index) => 0x100 + index))),
    ).toThrow(RangeError);
  });
});
