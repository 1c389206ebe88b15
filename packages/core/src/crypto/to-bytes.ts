const utf8Encoder = new TextEncoder();

/**
 * UTF-8 bytes of a string, or the bytes as given. The result is always backed by a plain ArrayBuffer because
 * WebCrypto refuses views over a SharedArrayBuffer.
 */
export function toBytes(value: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof value === 'string') return utf8Encoder.encode(value);
  if (value.buffer instanceof ArrayBuffer) return value as Uint8Array<ArrayBuffer>;
  return new Uint8Array(value);
}
