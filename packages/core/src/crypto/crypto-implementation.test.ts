import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import type { CryptoImplementation } from './crypto-implementation';
import nodeCrypto from './node-crypto';
import webCrypto from './web-crypto';

const implementations: [string, CryptoImplementation][] = [
  ['node-crypto', nodeCrypto],
  ['web-crypto', webCrypto],
];

const bytes = (length: number, value: number): Uint8Array => new Uint8Array(length).fill(value);
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

// RFC 4231 section 4. Case 5 publishes only the first 128 bits of each MAC.
const rfc4231 = [
  {
    name: 'case 1',
    key: bytes(20, 0x0b),
    data: ascii('Hi There'),
    sha256: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    sha512:
      '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
  },
  {
    name: 'case 2',
    key: ascii('Jefe'),
    data: ascii('what do ya want for nothing?'),
    sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    sha512:
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
  },
  {
    name: 'case 3',
    key: bytes(20, 0xaa),
    data: bytes(50, 0xdd),
    sha256: '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
    sha512:
      'fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb',
  },
  {
    name: 'case 4',
    key: Uint8Array.from({ length: 25 }, (_, index) => index + 1),
    data: bytes(50, 0xcd),
    sha256: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    sha512:
      'b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd',
  },
  {
    name: 'case 5 (truncated to 128 bits)',
    key: bytes(20, 0x0c),
    data: ascii('Test With Truncation'),
    sha256: 'a3b6167473100ee06e0c796c2955552b',
    sha512: '415fad6271580a531d4179bc891d87a6',
  },
  {
    name: 'case 6',
    key: bytes(131, 0xaa),
    data: ascii('Test Using Larger Than Block-Size Key - Hash Key First'),
    sha256: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    sha512:
      '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598',
  },
  {
    name: 'case 7',
    key: bytes(131, 0xaa),
    data: ascii(
      'This is a test using a larger than block-size key and a larger than block-size data. ' +
        'The key needs to be hashed before being used by the HMAC algorithm.',
    ),
    sha256: '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    sha512:
      'e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58',
  },
];

// RFC 1321 appendix A.5.
const rfc1321 = [
  ['', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['a', '0cc175b9c0f1b6a831c399e269772661'],
  ['abc', '900150983cd24fb0d6963f7d28e17f72'],
  ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
  ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
  ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
] as const;

// FIPS 180-2 appendix B.
const fips180 = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
] as const;

// IOTPay A2/A9: drop empty values and `sign`, sort keys, join k=v with &, append &key=, MD5, uppercase.
function iotpayStringToSign(params: Record<string, string | undefined>, merchantKey: string): string {
  return (
    Object.keys(params)
      .filter((key) => key !== 'sign' && params[key] !== undefined && params[key] !== '')
      .sort()
      .map((key) => `${key}=${params[key]}`)
      .join('&') + `&key=${merchantKey}`
  );
}

const { privateKeyPkcs8, publicKeySpki } = knownAnswers.bonuspay;
const privateKeyPkcs1 = createPrivateKey(privateKeyPkcs8).export({ type: 'pkcs1', format: 'pem' }) as string;
const publicKeyPkcs1 = createPublicKey(publicKeySpki).export({ type: 'pkcs1', format: 'pem' }) as string;
const pemBody = (pem: string): string => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
const firstBonusPayVector = knownAnswers.bonuspay.vectors[0]!;

describe.each(implementations)('%s', (_, implementation) => {
  describe('RFC 4231 HMAC-SHA256 and HMAC-SHA512', () => {
    it.each(rfc4231)('$name', async ({ key, data, sha256, sha512 }) => {
      expect((await implementation.hmacSha256Hex(key, data)).slice(0, sha256.length)).toBe(sha256);
      expect((await implementation.hmacSha512Hex(key, data)).slice(0, sha512.length)).toBe(sha512);
      expect(await implementation.hmacSha256Hex(key, data)).toHaveLength(64);
      expect(await implementation.hmacSha512Hex(key, data)).toHaveLength(128);
    });
  });

  describe('RFC 1321 MD5', () => {
    it.each(rfc1321)('md5(%j)', async (message, digest) => {
      expect(await implementation.md5Hex(message)).toBe(digest);
      expect(await implementation.md5Hex(ascii(message))).toBe(digest);
    });
  });

  describe('FIPS 180-2 SHA-256', () => {
    it.each(fips180)('sha256(%j)', async (message, digest) => {
      expect(await implementation.sha256Hex(message)).toBe(digest);
    });
  });

  describe('encoding', () => {
    const unicodeKey = 'ключ-🔑';
    const unicodeMessage = 'remboursé 💸 返金';

    it('encodes string keys and messages as UTF-8', async () => {
      const expected256 = createHmac('sha256', Buffer.from(unicodeKey, 'utf8')).update(
        unicodeMessage,
        'utf8',
      );
      const expected512 = createHmac('sha512', Buffer.from(unicodeKey, 'utf8')).update(
        unicodeMessage,
        'utf8',
      );
      expect(await implementation.hmacSha256Hex(unicodeKey, unicodeMessage)).toBe(expected256.digest('hex'));
      expect(await implementation.hmacSha512Hex(unicodeKey, unicodeMessage)).toBe(expected512.digest('hex'));
      expect(await implementation.md5Hex(unicodeMessage)).toBe(
        createHash('md5').update(unicodeMessage).digest('hex'),
      );
      expect(await implementation.sha256Hex(unicodeMessage)).toBe(
        createHash('sha256').update(unicodeMessage).digest('hex'),
      );
    });

    it('gives the same answer for a string and its UTF-8 bytes, including views into a larger buffer', async () => {
      const padded = new Uint8Array([9, 9, ...ascii(unicodeMessage), 9]);
      const view = padded.subarray(2, padded.length - 1);
      const fromString = await implementation.hmacSha256Hex(unicodeKey, unicodeMessage);
      expect(await implementation.hmacSha256Hex(ascii(unicodeKey), view)).toBe(fromString);
      expect(await implementation.sha256Hex(view)).toBe(await implementation.sha256Hex(unicodeMessage));
      expect(await implementation.md5Hex(view)).toBe(await implementation.md5Hex(unicodeMessage));
    });

    it('accepts an empty HMAC key, which WebCrypto alone refuses', async () => {
      expect(await implementation.hmacSha256Hex('', 'message')).toBe(
        createHmac('sha256', '').update('message').digest('hex'),
      );
      expect(await implementation.hmacSha512Hex(new Uint8Array(0), 'message')).toBe(
        createHmac('sha512', '').update('message').digest('hex'),
      );
    });

    it('returns lowercase hex', async () => {
      expect(await implementation.hmacSha512Hex('k', 'm')).toMatch(/^[0-9a-f]{128}$/);
      expect(await implementation.md5Hex('m')).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  describe('GatePay HMAC-SHA512 vectors', () => {
    it.each(knownAnswers.gatepay.vectors)(
      '$name',
      async ({ secretKey, timestamp, nonce, body, signature }) => {
        const message = `${timestamp}\n${nonce}\n${body}\n`;
        expect(await implementation.hmacSha512Hex(secretKey, message)).toBe(signature);
      },
    );
  });

  describe('IOTPay MD5 vectors', () => {
    const { merchantKey, vectors } = knownAnswers.iotpay;

    it('builds the documented string to sign', () => {
      expect(iotpayStringToSign(vectors[0]!.params, merchantKey)).toBe(
        'channelId=WX_MICROPAY&clientIp=24.80.45.254&currency=CAD&loginName=vancent&mchId=10000576' +
          '&mchRefundNo=1537224899791&payOrderId=U00180918065500913991007022&refundAmount=1' +
          '&key=TEST_MERCHANT_KEY_DO_NOT_USE',
      );
      expect(iotpayStringToSign(vectors[1]!.params, merchantKey)).toBe(
        'refundOrderId=R01201809181620000001&resCode=SUCCESS&retCode=SUCCESS&key=TEST_MERCHANT_KEY_DO_NOT_USE',
      );
    });

    it.each(vectors)('$name', async ({ params, sign }) => {
      const digest = await implementation.md5Hex(iotpayStringToSign(params, merchantKey));
      expect(digest.toUpperCase()).toBe(sign);
    });
  });

  describe('CoinCorner HMAC-SHA256 vectors', () => {
    const [first, second, secondPhpVariant] = knownAnswers.coincorner.vectors;

    it('CC-1', async () => {
      const message = (first!.nonce + first!.userId + first!.apiKey).toLowerCase();
      expect(message).toBe('170000000012345f6a425a0-08c0-4df5-b56b-98e4afa01995');
      expect(await implementation.hmacSha256Hex(first!.apiSecret.toLowerCase(), message)).toBe(
        first!.signature,
      );
    });

    it('CC-2 (whole message lowercased)', async () => {
      const message = (second!.nonce + second!.userId + second!.apiKey).toLowerCase();
      expect(await implementation.hmacSha256Hex(second!.apiSecret.toLowerCase(), message)).toBe(
        second!.signature,
      );
    });

    it('CC-2b (PHP variant keeps the user id case)', async () => {
      const { nonce, userId, apiKey, apiSecret, signature } = secondPhpVariant!;
      const message = nonce + userId + apiKey.toLowerCase();
      expect(await implementation.hmacSha256Hex(apiSecret.toLowerCase(), message)).toBe(signature);
    });
  });

  describe('BonusPay RSA SHA-256 vectors', () => {
    it.each(knownAnswers.bonuspay.vectors)(
      '$name signs byte for byte and verifies',
      async ({ body, sign }) => {
        expect(await implementation.rsaSha256Sign(privateKeyPkcs8, body)).toBe(sign);
        expect(await implementation.rsaSha256Verify(publicKeySpki, body, sign)).toBe(true);
      },
    );

    it.each(knownAnswers.bonuspay.vectors)(
      '$name: a tampered body does not verify',
      async ({ body, sign }) => {
        expect(await implementation.rsaSha256Verify(publicKeySpki, body + ' ', sign)).toBe(false);
        expect(await implementation.rsaSha256Verify(publicKeySpki, body.replace('1', '2'), sign)).toBe(false);
      },
    );

    it('signs the same bytes from the PKCS#1 form of the key', async () => {
      expect(privateKeyPkcs1).toContain('-----BEGIN RSA PRIVATE KEY-----');
      for (const { body, sign } of knownAnswers.bonuspay.vectors) {
        expect(await implementation.rsaSha256Sign(privateKeyPkcs1, body)).toBe(sign);
      }
    });

    it('verifies with the PKCS#1 form of the public key', async () => {
      expect(publicKeyPkcs1).toContain('-----BEGIN RSA PUBLIC KEY-----');
      const { body, sign } = firstBonusPayVector;
      expect(await implementation.rsaSha256Verify(publicKeyPkcs1, body, sign)).toBe(true);
      expect(await implementation.rsaSha256Verify(publicKeyPkcs1, body + ' ', sign)).toBe(false);
    });

    it('signs a byte message like the equal string', async () => {
      const { body, sign } = firstBonusPayVector;
      expect(await implementation.rsaSha256Sign(privateKeyPkcs8, ascii(body))).toBe(sign);
      expect(await implementation.rsaSha256Verify(publicKeySpki, ascii(body), sign)).toBe(true);
    });

    it('gives the same signature when many first calls race on the cache', async () => {
      const { body, sign } = firstBonusPayVector;
      const flattened = privateKeyPkcs8.replaceAll('\n', '\r\n');
      const signatures = await Promise.all(
        Array.from({ length: 20 }, () => implementation.rsaSha256Sign(flattened, body)),
      );
      expect(new Set(signatures)).toEqual(new Set([sign]));
    });
  });

  describe('key formats', () => {
    const { body, sign } = firstBonusPayVector;
    const privateVariants = {
      'PKCS#8 with literal \\n': privateKeyPkcs8.replaceAll('\n', '\\n'),
      'PKCS#8 with spaces': privateKeyPkcs8.replaceAll('\n', ' '),
      'PKCS#8 on one line': privateKeyPkcs8.replaceAll('\n', ''),
      'PKCS#8 with CRLF and surrounding text': `Bag Attributes\r\n${privateKeyPkcs8.replaceAll('\n', '\r\n')}\r\n`,
      'PKCS#1 with literal \\n': privateKeyPkcs1.replaceAll('\n', '\\n'),
      'PKCS#1 with spaces': privateKeyPkcs1.replaceAll('\n', ' '),
      'bare PKCS#8 body': pemBody(privateKeyPkcs8),
      'bare PKCS#8 body with line breaks': privateKeyPkcs8.split('\n').slice(1, -2).join('\n'),
    };
    const publicVariants = {
      'SPKI with literal \\n': publicKeySpki.replaceAll('\n', '\\n'),
      'SPKI with spaces': publicKeySpki.replaceAll('\n', ' '),
      'PKCS#1 with literal \\n': publicKeyPkcs1.replaceAll('\n', '\\n'),
      'bare SPKI body': pemBody(publicKeySpki),
    };

    it.each(Object.entries(privateVariants))('signs with %s', async (_, pem) => {
      expect(await implementation.rsaSha256Sign(pem, body)).toBe(sign);
    });

    it.each(Object.entries(publicVariants))('verifies with %s', async (_, pem) => {
      expect(await implementation.rsaSha256Verify(pem, body, sign)).toBe(true);
    });
  });

  describe('malformed keys', () => {
    const { body, sign } = firstBonusPayVector;
    const privateBody = pemBody(privateKeyPkcs8);
    const corruptedPrivate = privateKeyPkcs8.replace(privateBody.slice(400, 420), '!'.repeat(20));
    const truncatedPrivate = `-----BEGIN PRIVATE KEY-----\n${privateBody.slice(0, 800)}\n-----END PRIVATE KEY-----`;
    const { privateKey: ellipticPrivate, publicKey: ellipticPublic } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const bareBodyOfPkcs1 = pemBody(privateKeyPkcs1);

    const privateCases = {
      'an empty string': '',
      'plain text': 'not a key at all',
      'corrupted base64': corruptedPrivate,
      'a truncated body': truncatedPrivate,
      'a public key': publicKeySpki,
      'an encrypted PKCS#8 label': privateKeyPkcs8.replaceAll('PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'),
      'mismatched armour': privateKeyPkcs8.replace('END PRIVATE KEY', 'END RSA PRIVATE KEY'),
      'an EC key': ellipticPrivate,
      'a bare PKCS#1 body (bare bodies are read as PKCS#8)': bareBodyOfPkcs1,
    };

    it.each(Object.entries(privateCases))('rejects %s for signing, naming the formats', async (_, pem) => {
      const error = await implementation.rsaSha256Sign(pem, body).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain('Malformed RSA private key');
      expect(message).toContain('PKCS#8');
      expect(message).toContain('BEGIN RSA PRIVATE KEY');
      expect(message).not.toMatch(/MII[A-Za-z0-9+/]{8}/);
      for (let start = 0; start + 12 <= pem.length; start += 6) {
        const slice = pem.slice(start, start + 12);
        if (/^[A-Za-z0-9+/]{12}$/.test(slice)) expect(message).not.toContain(slice);
      }
    });

    it.each(
      Object.entries({
        'plain text': 'not a key',
        'a private key': privateKeyPkcs8,
        'an EC key': ellipticPublic,
        'corrupted base64': publicKeySpki.replace('MIIBIjAN', 'MIIB$$$$'),
      }),
    )('rejects %s for verifying, naming the formats', async (_, pem) => {
      await expect(implementation.rsaSha256Verify(pem, body, sign)).rejects.toThrow(
        /Malformed RSA public key.*SPKI.*BEGIN RSA PUBLIC KEY/,
      );
    });

    it('rejects again on the next call instead of caching the failure', async () => {
      await expect(implementation.rsaSha256Sign('broken', body)).rejects.toThrow(/PKCS#8/);
      await expect(implementation.rsaSha256Sign('broken', body)).rejects.toThrow(/PKCS#8/);
    });
  });

  describe('malformed signatures', () => {
    const { body, sign } = firstBonusPayVector;
    const cases = {
      'an empty string': '',
      'not base64': 'this is not base64!',
      'URL-safe base64': sign.replaceAll('+', '-').replaceAll('/', '_'),
      'a truncated signature': sign.slice(0, 100),
      'an impossible base64 length': sign.slice(0, 5),
      'half of the padding': sign.slice(0, -1),
      'a few valid bytes': 'AAAA',
      'whitespace inside': `${sign.slice(0, 40)} ${sign.slice(40)}`,
      'another message signature': knownAnswers.bonuspay.vectors[1]!.sign,
    };

    it.each(Object.entries(cases))('resolves to false for %s', async (_, signature) => {
      expect(await implementation.rsaSha256Verify(publicKeySpki, body, signature)).toBe(false);
    });

    it('accepts the signature without padding', async () => {
      expect(await implementation.rsaSha256Verify(publicKeySpki, body, sign.replace(/=+$/, ''))).toBe(true);
    });
  });
});
