import { RefundError, type RefundResult } from '@refunds/core';
import type { QueryRefundOrderResponse } from './query-refund-order/query-refund-order-api';
import type { IotPayRefundPlan } from './to-refund-order-options';
import { toRefundResult } from './to-refund-result';

export interface ResolveRefusedRefundOptions {
  /** Business codes IOTPay may use for a reused mchRefundNo (XxPay's is 0014, "parameter error"). */
  duplicateErrorCodes: readonly string[];
  lookup(): Promise<QueryRefundOrderResponse>;
  redact(value: unknown): unknown;
}

/**
 * IOTPay gives a reused mchRefundNo no code of its own, so a refusal that may mean "already used" is checked
 * with the refund query: when that refund is this one (same order, amount and currency) it is returned instead
 * of an error, so a retried request reports the refund it already made and never makes a second one.
 */
export async function resolveRefusedRefund(
  error: unknown,
  plan: IotPayRefundPlan,
  options: ResolveRefusedRefundOptions,
): Promise<RefundResult> {
  const mayBeDuplicate =
    RefundError.isInstance(error) &&
    error.outcome === 'rejected' &&
    error.providerCode !== undefined &&
    options.duplicateErrorCodes.includes(error.providerCode);
  if (!mayBeDuplicate) throw error;
  let existing: QueryRefundOrderResponse;
  try {
    existing = await options.lookup();
  } catch {
    // No refund under this id (or no way to tell): the refusal stands as IOTPay gave it.
    throw error;
  }
  const raw = options.redact(existing);
  const lookup = { refundId: plan.mchRefundNo, orderId: plan.payOrderId };
  const sameRefund =
    existing.payOrderId === plan.payOrderId &&
    BigInt(existing.refundAmount) === plan.refundAmount &&
    (!existing.currency || existing.currency === plan.currency);
  if (sameRefund) return toRefundResult(existing, lookup, { currency: plan.currency, raw });
  const order = existing.payOrderId
    ? `order ${existing.payOrderId}`
    : 'an order its answer does not name, so it cannot be confirmed as this refund';
  throw new RefundError({
    code: 'duplicate',
    outcome: 'rejected',
    provider: 'iotpay',
    providerCode: error.providerCode,
    providerMessage: error.providerMessage,
    raw,
    message: `IOTPay already has a refund with mchRefundNo ${plan.mchRefundNo} (${existing.refundAmount} cents of ${order}), so this request was refused. Look at it with getRefund; use a new refundId for a different refund.`,
  });
}
