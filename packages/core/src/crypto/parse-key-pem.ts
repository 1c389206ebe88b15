import { decodeBase64 } from './decode-base64';
import { type KeyKind, MalformedKeyError } from './malformed-key-error';

export interface ParsedPrivateKey {
  format: 'pkcs8' | 'pkcs1';
  der: Uint8Array<ArrayBuffer>;
}

export interface ParsedPublicKey {
  format: 'spki' | 'pkcs1';
  der: Uint8Array<ArrayBuffer>;
}

type KeyFormat = ParsedPrivateKey['format'] | ParsedPublicKey['format'];

const formatByLabel: Record<KeyKind, ReadonlyMap<string, KeyFormat>> = {
  private: new Map([
    ['PRIVATE KEY', 'pkcs8'],
    ['RSA PRIVATE KEY', 'pkcs1'],
  ]),
  public: new Map([
    ['PUBLIC KEY', 'spki'],
    ['RSA PUBLIC KEY', 'pkcs1'],
  ]),
};

// A bare body carries no label, so it is read as the format every modern tool exports by default.
const bareBodyFormat: Record<KeyKind, KeyFormat> = { private: 'pkcs8', public: 'spki' };

const armour = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const escapedLineBreak = /\\r\\n|\\n|\\r/g;
const whitespace = /\s+/g;

/**
 * The DER bytes and format of an RSA key given as PEM. Tolerates the shapes keys take after a trip through
 * environment variables and secret managers: line breaks flattened to a literal `\n` or to spaces, text around
 * the armour, and a bare base64 body without armour.
 */
export function parseKeyPem(pem: string, kind: 'private'): ParsedPrivateKey;
export function parseKeyPem(pem: string, kind: 'public'): ParsedPublicKey;
export function parseKeyPem(pem: string, kind: KeyKind): { format: KeyFormat; der: Uint8Array<ArrayBuffer> } {
  if (typeof pem !== 'string') throw new MalformedKeyError(kind, 'not a string');
  const text = pem.replace(escapedLineBreak, '\n');
  const match = armour.exec(text);

  let format: KeyFormat | undefined;
  let body: string;
  if (match) {
    const label = match[1]!;
    format = formatByLabel[kind].get(label);
    if (format === undefined) throw new MalformedKeyError(kind, `unsupported PEM label "${label}"`);
    body = match[2]!;
  } else if (text.includes('-----')) {
    throw new MalformedKeyError(kind, 'incomplete PEM armour');
  } else {
    format = bareBodyFormat[kind];
    body = text;
  }

  if (body.includes('Proc-Type:')) throw new MalformedKeyError(kind, 'encrypted PEM keys are not supported');
  const der = decodeBase64(body.replace(whitespace, ''));
  if (der === undefined || !isSingleDerSequence(der)) {
    throw new MalformedKeyError(kind, 'the body is not a base64 DER sequence');
  }
  return { format, der };
}

// Checked here so that truncated or concatenated keys fail with the same message on every runtime, instead of
// with whatever the native parser happens to say.
function isSingleDerSequence(der: Uint8Array): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false;
  const firstLengthByte = der[1]!;
  if (firstLengthByte < 0x80) return 2 + firstLengthByte === der.length;
  const lengthByteCount = firstLengthByte & 0x7f;
  if (lengthByteCount === 0 || lengthByteCount > 4 || der.length < 2 + lengthByteCount) return false;
  let contentLength = 0;
  for (let index = 0; index < lengthByteCount; index += 1)
    contentLength = contentLength * 256 + der[2 + index]!;
  return 2 + lengthByteCount + contentLength === der.length;
}
