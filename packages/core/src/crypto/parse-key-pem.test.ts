import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { MalformedKeyError } from './malformed-key-error';
import { parseKeyPem } from './parse-key-pem';

const { privateKeyPkcs8, publicKeySpki } = knownAnswers.bonuspay;
const privateKey = createPrivateKey(privateKeyPkcs8);
const publicKey = createPublicKey(publicKeySpki);
const pkcs8Der = new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }));
const pkcs1PrivateDer = new Uint8Array(privateKey.export({ type: 'pkcs1', format: 'der' }));
const spkiDer = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
const pkcs1PublicDer = new Uint8Array(publicKey.export({ type: 'pkcs1', format: 'der' }));

describe('parseKeyPem', () => {
  it('reads each armoured format with its label', () => {
    expect(parseKeyPem(privateKeyPkcs8, 'private')).toEqual({ format: 'pkcs8', der: pkcs8Der });
    expect(parseKeyPem(privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, 'private')).toEqual({
      format: 'pkcs1',
      der: pkcs1PrivateDer,
    });
    expect(parseKeyPem(publicKeySpki, 'public')).toEqual({ format: 'spki', der: spkiDer });
    expect(parseKeyPem(publicKey.export({ type: 'pkcs1', format: 'pem' }) as string, 'public')).toEqual({
      format: 'pkcs1',
      der: pkcs1PublicDer,
    });
  });

  it.each([
    ['literal \\n', privateKeyPkcs8.replaceAll('\n', '\\n')],
    ['literal \\r\\n', privateKeyPkcs8.replaceAll('\n', '\\r\\n')],
    ['spaces', privateKeyPkcs8.replaceAll('\n', ' ')],
    ['tabs and CRLF', privateKeyPkcs8.replaceAll('\n', '\t\r\n')],
    ['no line breaks', privateKeyPkcs8.replaceAll('\n', '')],
    ['surrounding text', `key:\n${privateKeyPkcs8}\ntrailer`],
  ])('tolerates a PEM with %s', (_, pem) => {
    expect(parseKeyPem(pem, 'private')).toEqual({ format: 'pkcs8', der: pkcs8Der });
  });

  it('reads a bare body as PKCS#8 or SPKI', () => {
    const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').trim();
    expect(parseKeyPem(bare(privateKeyPkcs8), 'private')).toEqual({ format: 'pkcs8', der: pkcs8Der });
    expect(parseKeyPem(bare(publicKeySpki).replaceAll('\n', '\\n'), 'public')).toEqual({
      format: 'spki',
      der: spkiDer,
    });
  });

  it.each([
    ['a label of the other kind', publicKeySpki, 'private', 'unsupported PEM label "PUBLIC KEY"'],
    [
      'a certificate',
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      'public',
      'CERTIFICATE',
    ],
    ['an unterminated PEM', privateKeyPkcs8.replace('-----END PRIVATE KEY-----', ''), 'private', 'armour'],
    [
      'an encrypted PKCS#1 key',
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMIIB\n-----END RSA PRIVATE KEY-----',
      'private',
      'encrypted',
    ],
    [
      'trailing garbage after the DER',
      privateKeyPkcs8.replace('\n-----END', 'AAAA\n-----END'),
      'private',
      'DER',
    ],
    ['a body that is not DER', 'SGVsbG8gd29ybGQ=', 'public', 'DER'],
    ['not a string', 42 as unknown as string, 'public', 'not a string'],
  ] as const)('rejects %s', (_, pem, kind, reason) => {
    const parse = () => (kind === 'private' ? parseKeyPem(pem, kind) : parseKeyPem(pem, kind));
    expect(parse).toThrow(MalformedKeyError);
    expect(parse).toThrow(reason);
    expect(parse).toThrow(
      kind === 'private' ? /PKCS#8.*PKCS#1.*bare base64 PKCS#8/ : /SPKI.*PKCS#1.*bare base64 SPKI/,
    );
  });
});
