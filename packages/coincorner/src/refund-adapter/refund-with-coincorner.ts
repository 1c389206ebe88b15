import { type CallOptions, RefundError, type RefundRequest, type RefundResult } from '@refunds/core';
import { loadBitcoinAddressCheck } from '../bitcoin-address/load-bitcoin-address-check';
import type { CoinCornerAdapterContext } from '../coincorner-adapter-context';
import { coincornerError } from '../coincorner-error';
import type { RefundMemory, RememberedRefundState } from '../refund-memory';
import { type ValidatedRefund, validateRefundRequest } from './validate-refund-request';
import { verifyOrderBeforeRefund } from './verify-order-before-refund';

/**
 * `refund()` of the unified adapter: one RefundOrder, never resent. The answer is `pending`: CoinCorner's 200
 * only accepts the refund, the order's status says when it is done.
 */
export async function refundWithCoinCorner(
  context: CoinCornerAdapterContext,
  request: RefundRequest,
  options: CallOptions = {},
): Promise<RefundResult> {
  // Awaited before anything else: from the validation to remember('in-flight') nothing may wait, or a
  // concurrent call with the same refund id could pass refuseResend too.
  const parseBitcoinAddress = await loadBitcoinAddressCheck();
  const refund = validateRefundRequest(request, context, parseBitcoinAddress);
  refuseResend(context.memory, refund, options);
  const remember = (state: RememberedRefundState) =>
    context.memory.remember(refund.refundId, { orderId: refund.orderId, amount: refund.amount, state });
  remember('in-flight');
  try {
    if (context.verifyOrderBeforeRefund) await verifyOrderBeforeRefund(context, refund, options);
    const response = await context.client.refundOrder(
      {
        OrderId: refund.orderId,
        Amount: refund.amount.amount,
        Address: refund.address,
        RefundType: refund.refundType,
      },
      options,
    );
    remember('accepted');
    return {
      refundId: refund.refundId,
      provider: 'coincorner',
      status: 'pending',
      amount: refund.amount,
      raw: response.message ?? null,
    };
  } catch (error) {
    const executed =
      RefundError.isInstance(error) && error.outcome !== 'unknown' ? 'not-executed' : 'unknown';
    remember(executed);
    throw error;
  }
}

/**
 * CoinCorner cannot recognise a resent refund, so this process refuses to send the same refund id twice unless
 * the first attempt certainly did not execute. Other processes are the host's job (its ledger). On a resend the
 * refusal is evidence that the first attempt may have executed (`unknown`), not a failure.
 */
function refuseResend(memory: RefundMemory, refund: ValidatedRefund, options: CallOptions): void {
  const previous = memory.get(refund.refundId);
  if (!previous || previous.state === 'not-executed') return;
  throw coincornerError('already-sent', {
    writes: true,
    resend: options.resend,
    field: 'refundId',
    summary: `Refund "${refund.refundId}" was already sent to CoinCorner (${previous.state})`,
  });
}
