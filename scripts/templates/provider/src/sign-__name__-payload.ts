import { hmacSha256Hex } from '@refunds/core';

/**
 * The signature of one message: HMAC-SHA256 over the timestamp and the exact body bytes, in lowercase hex.
 * TODO: replace with __Name__'s documented rule, and pin it with the vectors from its documentation.
 */
export function sign__Name__Payload(secretKey: string, timestamp: string, body: string): Promise<string> {
  return hmacSha256Hex(secretKey, `${timestamp}\n${body}`);
}
