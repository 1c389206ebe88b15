import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './encode-base64';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('encodeBase64', () => {
  it('matches the RFC 4648 section 10 vectors', () => {
    expect(encodeBase64(ascii(''))).toBe('');
    expect(encodeBase64(ascii('f'))).toBe('Zg==');
    expect(encodeBase64(ascii('fo'))).toBe('Zm8=');
    expect(encodeBase64(ascii('foo'))).toBe('Zm9v');
    expect(encodeBase64(ascii('foob'))).toBe('Zm9vYg==');
    expect(encodeBase64(ascii('fooba'))).toBe('Zm9vYmE=');
    expect(encodeBase64(ascii('foobar'))).toBe('Zm9vYmFy');
  });

  it('agrees with Buffer for every length up to 300 bytes', () => {
    for (let length = 0; length <= 300; length += 1) {
      const bytes = randomBytes(length);
      expect(encodeBase64(new Uint8Array(bytes))).toBe(bytes.toString('base64'));
    }
  });

  it('uses the whole alphabet including + and /', () => {
    expect(encodeBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/');
  });
});
