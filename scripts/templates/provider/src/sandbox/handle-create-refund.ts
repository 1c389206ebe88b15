import { compareAmounts, isAmountEqual } from '@refunds/core';
import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import { refusal, signedAnswer } from './sandbox-answers';
import type { SandboxState } from './sandbox-state';

const decimal = /^\d+(\.\d{1,8})?$/;

/** POST /v1/refunds: validates, replays a reused refund id, refuses what exceeds the order, then executes. */
export async function handleCreateRefund(
  request: LoopbackRequest,
  secretKey: string,
  state: SandboxState,
): Promise<LoopbackResponse> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.text);
  } catch {
    return refusal(secretKey, 400, 'INVALID_REQUEST', 'the body is not JSON');
  }
  const { refundId, orderId, amount, currency } = body;
  if (typeof refundId !== 'string' || typeof orderId !== 'string' || typeof currency !== 'string') {
    return refusal(secretKey, 400, 'INVALID_REQUEST', 'refundId, orderId and currency are required strings');
  }
  if (typeof amount !== 'string' || !decimal.test(amount) || compareAmounts(amount, '0') <= 0) {
    return refusal(secretKey, 400, 'INVALID_REQUEST', 'amount must be a positive decimal string');
  }
  const existing = state.refunds.get(refundId);
  if (existing) {
    // The same refund sent again is answered with the refund already made: a retry never pays twice.
    const same = existing.orderId === orderId && isAmountEqual(existing.amount, amount);
    return same
      ? signedAnswer(secretKey, 200, existing)
      : refusal(secretKey, 409, 'DUPLICATE_REFUND', 'this refundId was used for a different refund');
  }
  const order = state.orders.get(orderId);
  if (!order) return refusal(secretKey, 404, 'ORDER_NOT_FOUND', `no paid order ${orderId}`);
  if (order.currency !== currency) {
    return refusal(secretKey, 422, 'CURRENCY_MISMATCH', `the order was paid in ${order.currency}`);
  }
  if (state.exceedsRemaining(order, amount)) {
    return refusal(secretKey, 422, 'AMOUNT_EXCEEDED', `at most ${state.remaining(order)} is left to refund`);
  }
  return signedAnswer(secretKey, 200, state.addRefund(order, { refundId, amount }));
}
