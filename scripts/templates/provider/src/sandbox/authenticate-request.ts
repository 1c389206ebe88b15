import { hmacSha256Hex, timingSafeEqual } from '@refunds/core';
import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import { refusal } from './sandbox-answers';

// How far a request's timestamp may be from the sandbox's clock. TODO: __Name__'s documented window.
const timestampWindowMs = 5 * 60_000;

/** Checks the merchant, the timestamp window and the signature over the raw body, as __Name__ does. */
export async function authenticateRequest(
  request: LoopbackRequest,
  merchant: { merchantId: string; secretKey: string },
): Promise<LoopbackResponse | undefined> {
  const { secretKey } = merchant;
  if (request.headers.get('x-merchant-id') !== merchant.merchantId) {
    return refusal(secretKey, 401, 'UNKNOWN_MERCHANT', 'x-merchant-id is not a known merchant');
  }
  const timestamp = request.headers.get('x-timestamp') ?? '';
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > timestampWindowMs) {
    return refusal(secretKey, 401, 'STALE_TIMESTAMP', 'x-timestamp is missing or outside the allowed window');
  }
  const expected = await hmacSha256Hex(secretKey, `${timestamp}\n${request.text}`);
  if (!timingSafeEqual(expected, request.headers.get('x-signature') ?? '')) {
    return refusal(secretKey, 401, 'INVALID_SIGNATURE', 'x-signature does not match the request');
  }
  return undefined;
}
