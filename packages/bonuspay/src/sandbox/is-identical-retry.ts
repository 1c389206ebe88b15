import { compareAmounts } from '@refunds/core';
import type { SandboxPlaceRefundOrder } from './read-sandbox-place-refund-order';
import type { SandboxOrder, SandboxRefund } from './sandbox-ledger';

const optionalFields = [
  'notifyUrl',
  'operatorName',
  'reason',
  'chainCode',
  'refundAddress',
  'reserved',
] as const;

/**
 * Whether a placeOrder reusing a refund number asks for exactly the refund that number already holds: the same
 * order (by either of its numbers), the same amount by value (1.5 and 1.50 are one BigDecimal amount) and asset,
 * and the same optional fields. Only then is it a retry; anything else is a reuse (77013).
 */
export function isIdenticalRetry(
  refund: SandboxRefund,
  request: SandboxPlaceRefundOrder,
  order: SandboxOrder,
): boolean {
  return (
    refund.order === order &&
    refund.amount.currency === request.amount.currency &&
    compareAmounts(refund.amount.amount, request.amount.amount) === 0 &&
    optionalFields.every((field) => refund[field] === request[field])
  );
}
