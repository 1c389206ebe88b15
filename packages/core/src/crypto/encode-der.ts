export const derTag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  objectIdentifier: 0x06,
  sequence: 0x30,
} as const;

/**
 * One DER element: tag, definite length, then the contents concatenated. Encoding is all the ASN.1 needed to
 * wrap a PKCS#1 key, so there is no general parser.
 */
export function encodeDer(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const contentLength = contents.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes = encodeDerLength(contentLength);
  const output = new Uint8Array(1 + lengthBytes.length + contentLength);
  output[0] = tag;
  output.set(lengthBytes, 1);
  let offset = 1 + lengthBytes.length;
  for (const part of contents) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

function encodeDerLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let remaining = length; remaining > 0; remaining = Math.floor(remaining / 256))
    bytes.unshift(remaining & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
