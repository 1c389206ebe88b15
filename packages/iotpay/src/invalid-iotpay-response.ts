import { RefundError } from '@refunds/core';

/**
 * An answer that is authentic but does not match what was asked: the refund's true state is unknown, so it must
 * be checked before anything is sent again.
 */
export function invalidIotPayResponse(problem: string, raw: unknown): RefundError {
  return new RefundError({
    code: 'invalid_response',
    outcome: 'unknown',
    provider: 'iotpay',
    raw,
    message: `IOTPay answered, but ${problem}; the refund may have been executed with other values. Check it with getRefund and reconcile before sending anything again.`,
  });
}
