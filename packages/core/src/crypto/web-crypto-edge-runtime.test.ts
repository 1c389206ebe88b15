// @vitest-environment edge-runtime
import { afterEach, describe, expect, it, vi } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { randomNonce } from './random-nonce';
import { timingSafeEqual } from './timing-safe-equal';
import webCrypto from './web-crypto';

// The edge runtime offers WebCrypto and no Node built-ins; the portable code must work with only that. Vitest
// still installs Buffer in this environment, so it is removed for the duration of each test.
describe('web-crypto in the edge runtime', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('matches the provider vectors', async () => {
    vi.stubGlobal('Buffer', undefined);
    const gatepay = knownAnswers.gatepay.vectors[0]!;
    const message = `${gatepay.timestamp}\n${gatepay.nonce}\n${gatepay.body}\n`;
    expect(await webCrypto.hmacSha512Hex(gatepay.secretKey, message)).toBe(gatepay.signature);

    const coincorner = knownAnswers.coincorner.vectors[0]!;
    const coincornerMessage = (coincorner.nonce + coincorner.userId + coincorner.apiKey).toLowerCase();
    expect(await webCrypto.hmacSha256Hex(coincorner.apiSecret.toLowerCase(), coincornerMessage)).toBe(
      coincorner.signature,
    );

    expect(await webCrypto.md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');

    const { privateKeyPkcs8, publicKeySpki, vectors } = knownAnswers.bonuspay;
    const { body, sign } = vectors[0]!;
    expect(await webCrypto.rsaSha256Sign(privateKeyPkcs8.replaceAll('\n', '\\n'), body)).toBe(sign);
    expect(await webCrypto.rsaSha256Verify(publicKeySpki, body, sign)).toBe(true);
    expect(await webCrypto.rsaSha256Verify(publicKeySpki, `${body} `, sign)).toBe(false);
  });

  it('draws nonces and compares strings', () => {
    vi.stubGlobal('Buffer', undefined);
    expect(randomNonce()).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(timingSafeEqual('abc', 'abc')).toBe(true);
  });
});
