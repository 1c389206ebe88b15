import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './decode-base64';

const text = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : new TextDecoder().decode(bytes);

describe('decodeBase64', () => {
  it('matches the RFC 4648 section 10 vectors', () => {
    expect(text(decodeBase64(''))).toBe('');
    expect(text(decodeBase64('Zg=='))).toBe('f');
    expect(text(decodeBase64('Zm8='))).toBe('fo');
    expect(text(decodeBase64('Zm9v'))).toBe('foo');
    expect(text(decodeBase64('Zm9vYg=='))).toBe('foob');
    expect(text(decodeBase64('Zm9vYmE='))).toBe('fooba');
    expect(text(decodeBase64('Zm9vYmFy'))).toBe('foobar');
  });

  it('accepts missing padding', () => {
    expect(text(decodeBase64('Zg'))).toBe('f');
    expect(text(decodeBase64('Zm9vYmE'))).toBe('fooba');
  });

  it('round-trips with Buffer for every length up to 300 bytes', () => {
    for (let length = 0; length <= 300; length += 1) {
      const bytes = randomBytes(length);
      expect(decodeBase64(bytes.toString('base64'))).toEqual(new Uint8Array(bytes));
    }
  });

  it.each([
    ['a character outside the alphabet', 'Zm9v!mFy'],
    ['whitespace', 'Zm9v YmFy'],
    ['URL-safe characters', 'Zm9-_mFy'],
    ['non-ASCII', 'Zm9vYmé='],
    ['an impossible length', 'Zm9vY'],
    ['padding in the middle', 'Zg==Zm9v'],
    ['too much padding', 'Zg==='],
    ['padding on an unpadded length', 'Zm9v='],
  ])('returns undefined for %s', (_, input) => {
    expect(decodeBase64(input)).toBeUndefined();
  });
});
