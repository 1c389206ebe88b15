import { timingSafeEqual } from '@refunds/core';
import { sign__Name__Payload } from './sign-__name__-payload';

/**
 * Whether an answer carries a valid signature over the raw bytes received: never over re-serialized JSON, which
 * would not be the bytes __Name__ signed. Constant-time, so a forger learns nothing from the timing.
 */
export async function verify__Name__Signature(
  secretKey: string,
  headers: Headers,
  body: string,
): Promise<boolean> {
  const signature = headers.get('x-signature');
  const timestamp = headers.get('x-timestamp');
  if (!signature || !timestamp) return false;
  return timingSafeEqual(await sign__Name__Payload(secretKey, timestamp, body), signature.toLowerCase());
}
