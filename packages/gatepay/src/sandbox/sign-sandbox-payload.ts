import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The simulator's own HMAC-SHA512 over `timestamp\nnonce\nbody\n`, written on node:crypto rather than on the
 * client's signing code, so a mistake in one is not mirrored by the other.
 */
export function signSandboxPayload(
  secretKey: string,
  timestamp: string,
  nonce: string,
  body: Uint8Array | string,
): string {
  return createHmac('sha512', secretKey)
    .update(`${timestamp}\n${nonce}\n`)
    .update(body)
    .update('\n')
    .digest('hex');
}

/** Constant-time, case-insensitive, like GatePay's verifier is assumed to be. */
export function sandboxSignatureMatches(expected: string, received: string): boolean {
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(received.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
