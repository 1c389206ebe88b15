const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 section 4) with padding, the form every provider publishes signatures in. */
export function encodeBase64(bytes: Uint8Array): string {
  let output = '';
  const wholeGroupsEnd = bytes.length - (bytes.length % 3);
  for (let index = 0; index < wholeGroupsEnd; index += 3) {
    const group = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    output +=
      alphabet[group >> 18]! +
      alphabet[(group >> 12) & 63]! +
      alphabet[(group >> 6) & 63]! +
      alphabet[group & 63]!;
  }
  const remaining = bytes.length - wholeGroupsEnd;
  if (remaining === 1) {
    const group = bytes[wholeGroupsEnd]! << 16;
    output += alphabet[group >> 18]! + alphabet[(group >> 12) & 63]! + '==';
  } else if (remaining === 2) {
    const group = (bytes[wholeGroupsEnd]! << 16) | (bytes[wholeGroupsEnd + 1]! << 8);
    output += alphabet[group >> 18]! + alphabet[(group >> 12) & 63]! + alphabet[(group >> 6) & 63]! + '=';
  }
  return output;
}
