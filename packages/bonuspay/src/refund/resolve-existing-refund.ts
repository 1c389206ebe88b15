import { type CallOptions, RefundError, type RefundResult } from '@refunds/core';
import type { BonusPayClient } from '../bonuspay-client';
import type { BonusPayOrderIdField } from '../bonuspay-settings';
import type { PlaceRefundOrderRequest } from '../place-refund-order/place-refund-order-options';
import { findRefundMismatch } from './check-refund-integrity';
import { toRefundResult } from './to-refund-result';

/**
 * BonusPay refuses a reused refund number with 77013, and may answer a resend of a refund that already took the
 * whole balance with 77005. Either way the refund may already exist: when getOrder finds it with the same order
 * and amount, that refund is the answer (a resend is not a second refund); when it differs, the id was reused
 * for another refund; when it cannot be read, the outcome is unknown.
 */
export async function resolveExistingRefund(
  client: BonusPayClient,
  request: PlaceRefundOrderRequest,
  orderIdField: BonusPayOrderIdField,
  refusal: RefundError,
  options: CallOptions,
): Promise<RefundResult> {
  const refundId = request.refundMerchantOrderNo;
  let found: Awaited<ReturnType<BonusPayClient['getRefundOrder']>>;
  try {
    found = await client.getRefundOrder({ refundMerchantOrderNo: refundId }, options);
  } catch (lookupError) {
    const missing = RefundError.isInstance(lookupError) && lookupError.code === 'not_found';
    // No refund with this number: BonusPay's refusal stands as it was.
    if (missing && refusal.code !== 'duplicate') throw refusal;
    throw new RefundError({
      code: refusal.code,
      outcome: 'unknown',
      provider: 'bonuspay',
      providerCode: refusal.providerCode,
      providerMessage: refusal.providerMessage,
      raw: refusal.raw,
      cause: lookupError,
      message: `${refusal.message} A refund numbered ${JSON.stringify(refundId)} may already exist, but getOrder could not read it (${
        RefundError.isInstance(lookupError) ? lookupError.message : 'unknown error'
      }). Check it with getRefund before sending it again.`,
    });
  }

  const { refundOrder } = found.body;
  const mismatch = findRefundMismatch(refundOrder, {
    refundId,
    orderId: request[orderIdField],
    orderIdField,
    amount: request.amount,
  });
  if (mismatch === undefined) return toRefundResult(refundOrder, refundId, found.raw);
  throw new RefundError({
    code: 'duplicate',
    outcome: 'rejected',
    provider: 'bonuspay',
    providerCode: refusal.providerCode,
    providerMessage: refusal.providerMessage,
    raw: found.raw,
    message: `refundId ${JSON.stringify(refundId)} already belongs to a different BonusPay refund (${mismatch}); this refund was not executed. Use a new refundId for a new refund.`,
  });
}
