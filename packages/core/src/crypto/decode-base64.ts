const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const invalid = 255;
const characterToValue = new Uint8Array(128).fill(invalid);
for (let index = 0; index < alphabet.length; index += 1) characterToValue[alphabet.charCodeAt(index)] = index;

/**
 * Standard base64 to bytes, or undefined when the text is not base64. Strict about the alphabet (no whitespace,
 * no URL-safe characters) because a lenient decoder would silently turn a corrupted signature or key into
 * different bytes; padding may be omitted.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  let end = text.length;
  if (end % 4 === 0 && text.endsWith('==')) end -= 2;
  else if (end % 4 === 0 && text.endsWith('=')) end -= 1;
  if (end % 4 === 1) return undefined;

  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let byteIndex = 0;
  let buffer = 0;
  let bufferedBits = 0;
  for (let index = 0; index < end; index += 1) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? characterToValue[code]! : invalid;
    if (value === invalid) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bufferedBits += 6;
    if (bufferedBits >= 8) {
      bufferedBits -= 8;
      bytes[byteIndex] = (buffer >> bufferedBits) & 0xff;
      byteIndex += 1;
    }
  }
  return bytes;
}
