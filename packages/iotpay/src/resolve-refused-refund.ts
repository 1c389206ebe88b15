import { RefundError, type RefundResult } from '@refunds/core';
import type { QueryRefundOrderResponse } from './query-refund-order/query-refund-order-api';
import type { IotPayRefundPlan } from './refund-adapter/to-refund-order-options';
import { toRefundResult } from './refund-adapter/to-refund-result';

export interface ResolveRefusedRefundOptions {
  /** Business codes IOTPay may use for a reused mchRefundNo (XxPay's is 0014, "parameter error"). */
  duplicateErrorCodes: readonly string[];
  /** This request resent a refund whose earlier attempt may have executed (`CallOptions.resend`). */
  resend: boolean;
  lookup(): Promise<QueryRefundOrderResponse>;
  redact(value: unknown): unknown;
}

/**
 * IOTPay gives a reused mchRefundNo no code of its own, so a refusal that may mean "already used" is checked
 * with the refund query: when that refund is this one (same order, amount and currency) it is returned instead
 * of an error, so a retried request reports the refund it already made and never makes a second one.
 *
 * The refusal stands only when the lookup proves it: "does not exist" on a first attempt, or a refund under this
 * id that is certainly another one. A lookup that fails (network, 5xx, an answer that cannot be read) proves
 * nothing, so the outcome is `unknown`; so is "does not exist" after a resend, because IOTPay's read side may not
 * show yet the refund the earlier attempt made.
 */
export async function resolveRefusedRefund(
  error: unknown,
  plan: IotPayRefundPlan,
  options: ResolveRefusedRefundOptions,
): Promise<RefundResult> {
  const mayBeDuplicate =
    RefundError.isInstance(error) &&
    error.outcome !== 'not_sent' &&
    error.providerCode !== undefined &&
    options.duplicateErrorCodes.includes(error.providerCode);
  if (!mayBeDuplicate) throw error;
  let existing: QueryRefundOrderResponse;
  try {
    existing = await options.lookup();
  } catch (lookupError) {
    const notFound = RefundError.isInstance(lookupError) && lookupError.code === 'not_found';
    if (notFound && !options.resend) throw error;
    throw unresolved(error, plan, options.resend, lookupError);
  }
  const raw = options.redact(existing);
  const lookup = { refundId: plan.mchRefundNo, orderId: plan.payOrderId };
  const sameAmount = BigInt(existing.refundAmount) === plan.refundAmount;
  const sameCurrency = !existing.currency || existing.currency === plan.currency;
  if (existing.payOrderId === plan.payOrderId && sameAmount && sameCurrency) {
    return toRefundResult(existing, lookup, { currency: plan.currency, raw });
  }
  // Without the order in IOTPay's answer, a refund of the same amount may well be the one the earlier attempt made.
  const certainlyAnother = !sameAmount || !sameCurrency || Boolean(existing.payOrderId);
  if (options.resend && !certainlyAnother) throw unresolved(error, plan, true, undefined, raw);
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

/** The refusal as `unknown`: the refund under this id may exist, and only a later getRefund can tell. */
function unresolved(
  refusal: RefundError,
  plan: IotPayRefundPlan,
  resend: boolean,
  lookupError: unknown,
  raw: unknown = refusal.raw,
): RefundError {
  const why = lookupError
    ? RefundError.isInstance(lookupError) && lookupError.code === 'not_found'
      ? 'the refund query does not show it yet (IOTPay may not show a new refund at once)'
      : `the refund query failed (${RefundError.isInstance(lookupError) ? lookupError.message : String(lookupError)})`
    : 'the refund query does not name its order, so it cannot be confirmed as this one';
  return new RefundError({
    code: refusal.code,
    outcome: 'unknown',
    retryable: false,
    provider: 'iotpay',
    providerCode: refusal.providerCode,
    providerMessage: refusal.providerMessage,
    raw,
    message: `IOTPay refused mchRefundNo ${plan.mchRefundNo} with code ${refusal.providerCode}, which it also gives for a refund number already used${resend ? ' (this request resent one whose earlier attempt may have executed)' : ''}, and ${why}. The refund may exist: check it with getRefund later, and never send it again under a new refundId.`,
  });
}
