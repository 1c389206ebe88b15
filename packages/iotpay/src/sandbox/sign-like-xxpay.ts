import { createHash } from 'node:crypto';

/**
 * The sign as IOTPay's server computes it, modelled on XxPay's `PayDigestUtil.getSign`: `k=v&` strings of the
 * non-empty fields, sorted case-insensitively as whole strings, then `key=<key>`, MD5 over UTF-8, uppercase.
 * Deliberately independent of the client's signing code, so a disagreement between the two shows in tests.
 */
export function signLikeXxPay(fields: Record<string, unknown>, key: string): string {
  const parts = Object.entries(fields)
    .filter(([name, value]) => name !== 'sign' && value !== null && value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}&`)
    .sort(compareIgnoringCase);
  return createHash('md5')
    .update(`${parts.join('')}key=${key}`, 'utf8')
    .digest('hex')
    .toUpperCase();
}

/** Whether a received sign matches, compared case-insensitively as XXPayUtil.verifyPaySign does. */
export function hasValidXxPaySign(fields: Record<string, unknown>, key: string): boolean {
  const received = fields.sign;
  return typeof received === 'string' && received.toUpperCase() === signLikeXxPay(fields, key);
}

// Java's String.CASE_INSENSITIVE_ORDER.
function compareIgnoringCase(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const a = left.charAt(index);
    const b = right.charAt(index);
    if (a === b) continue;
    const upperA = a.toUpperCase();
    const upperB = b.toUpperCase();
    if (upperA === upperB) continue;
    const lowerA = upperA.toLowerCase();
    const lowerB = upperB.toLowerCase();
    if (lowerA !== lowerB) return lowerA.charCodeAt(0) - lowerB.charCodeAt(0);
  }
  return left.length - right.length;
}
