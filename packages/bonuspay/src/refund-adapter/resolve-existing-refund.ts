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
 *
 * On a resend (`options.resend`), "not found" proves nothing: BonusPay's read side may not show yet the refund
 * the earlier attempt created, and that refund would explain the refusal. So after a resend every lookup
 * failure, "not found" included, leaves the refund `unknown`, never `rejected`.
 */
export async function resolveExistingRefund(
  client: BonusPayClient,
  request: PlaceRefundOrderRequest,
  orderIdField: BonusPayOrderIdField,
  refusal: RefundError,
  options: CallOptions,
): Promise<RefundResult> {
  const refundId = request.refundMerchantOrderNo;
  const resend = options.resend === true;
  let found: Awaited<ReturnType<BonusPayClient['getRefundOrder']>>;
  try {
    found = await client.getRefundOrder({ refundMerchantOrderNo: refundId }, { signal: options.signal });
  } catch (lookupError) {
    const missing = RefundError.isInstance(lookupError) && lookupError.code === 'not_found';
    // A first attempt refused for the balance, and no refund with this number: BonusPay's refusal stands.
    if (missing && refusal.code !== 'duplicate' && !resend) throw refusal;
    throw new RefundError({
      code: refusal.code,
      outcome: 'unknown',
      provider: 'bonuspay',
      providerCode: refusal.providerCode,
      providerMessage: refusal.providerMessage,
      raw: refusal.raw,
      cause: lookupError,
      message: `${refusal.message} A refund numbered ${JSON.stringify(refundId)} may already exist, but getOrder ${
        missing
          ? 'does not show it yet (BonusPay may not show a refund right after it executed)'
          : `could not read it (${RefundError.isInstance(lookupError) ? lookupError.message : 'unknown error'})`
      }. Check it with getRefund later, before sending it again.`,
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
  // The number holds another refund, so no attempt of this one can have executed under it.
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
