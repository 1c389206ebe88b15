import { isAmountEqual, RefundError } from '@refunds/core';
import type { ValidatedRefund } from './validate-refund-request';

export interface RefundEcho {
  refundRequestId: string;
  prepayId: string;
  /** The refunded amount GatePay echoes, in the request's currency. */
  amount: string | undefined;
  /** The order currency, when the endpoint echoes it. */
  currency?: string | null;
}

/**
 * GatePay accepted something: make sure it is this refund. A different id, order, amount or currency means the
 * answer belongs to another refund, or GatePay executed something other than what was asked, so the outcome is
 * `unknown` and nothing is reported as accepted.
 */
export function checkRefundEcho(refund: ValidatedRefund, echo: RefundEcho, raw: unknown): void {
  const mismatches: string[] = [];
  if (echo.refundRequestId !== refund.refundId) {
    mismatches.push(`refundRequestId "${echo.refundRequestId}" instead of "${refund.refundId}"`);
  }
  if (echo.prepayId !== refund.orderId)
    mismatches.push(`prepayId "${echo.prepayId}" instead of "${refund.orderId}"`);
  if (echo.amount === undefined) {
    mismatches.push('no refund amount');
  } else if (!isAmountEqual(echo.amount, refund.amount.amount)) {
    mismatches.push(`amount ${echo.amount} instead of ${refund.amount.amount}`);
  }
  if (echo.currency && echo.currency !== refund.amount.currency) {
    mismatches.push(`currency ${echo.currency} instead of ${refund.amount.currency}`);
  }
  if (mismatches.length === 0) return;
  throw new RefundError({
    code: 'invalid_response',
    outcome: 'unknown',
    provider: 'gatepay',
    raw,
    message: `GatePay accepted a refund but echoed ${mismatches.join(', ')}. Do not resend: check refund "${refund.refundId}" with getRefund and with GatePay.`,
  });
}
