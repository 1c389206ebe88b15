const utf8Encoder = new TextEncoder();

/**
 * Whether two strings are equal, in time that depends only on their lengths and never on where they differ, so
 * comparing a received signature with the expected one does not leak how many leading characters were right.
 * Compares UTF-8 bytes; pure JavaScript so it runs on every runtime.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = utf8Encoder.encode(a);
  const right = utf8Encoder.encode(b);
  const length = Math.max(left.length, right.length);
  // Unequal lengths are folded into the accumulator instead of returning early, and every byte is still visited.
  let difference = left.length ^ right.length;
  for (let index = 0; index < length; index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
