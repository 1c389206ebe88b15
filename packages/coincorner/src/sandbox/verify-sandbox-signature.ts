import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CoinCorner's check, written here with node:crypto rather than the package's signing code so that a bug there
 * cannot hide itself: HMAC-SHA256 keyed with the lower-cased secret over the lower-cased `nonce + userId +
 * apiKey`, compared case-insensitively (the OpenCart plugin sends it upper-cased and works).
 */
export function verifySandboxSignature(input: {
  apiSecret: string;
  userId: string;
  apiKey: string;
  nonce: string;
  signature: string;
  acceptPreservedUserIdCase: boolean;
}): boolean {
  const received = Buffer.from(input.signature.toLowerCase(), 'utf8');
  const key = input.apiSecret.toLowerCase();
  const messages = [(input.nonce + input.userId + input.apiKey).toLowerCase()];
  if (input.acceptPreservedUserIdCase) messages.push(input.nonce + input.userId + input.apiKey.toLowerCase());
  let valid = false;
  for (const message of messages) {
    const expected = Buffer.from(createHmac('sha256', key).update(message, 'ascii').digest('hex'), 'utf8');
    if (expected.length === received.length && timingSafeEqual(expected, received)) valid = true;
  }
  return valid;
}
