/**
 * Whether two strings are equal, in time that depends only on their lengths and never on where they differ, so
 * comparing a received signature with the expected one does not leak how many leading characters were right.
 * Compares UTF-16 code units directly: no encoding per call (this runs on every verified response), and two
 * different lone surrogates stay different. Pure JavaScript so it runs on every runtime.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  // Unequal lengths are folded into the accumulator instead of returning early, and every unit is still visited.
  let difference = a.length ^ b.length;
  for (let index = 0; index < length; index += 1) {
    // Past the end, charCodeAt gives NaN, which `| 0` turns into 0: the length term above already differs.
    difference |= (a.charCodeAt(index) | 0) ^ (b.charCodeAt(index) | 0);
  }
  return difference === 0;
}
