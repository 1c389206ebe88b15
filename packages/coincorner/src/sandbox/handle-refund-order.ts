import type { LoopbackResponse } from '@refunds/core/sandbox';
import type { ReplyFormat } from './reply-format';
import { messageAnswer, refundAcceptedAnswer } from './sandbox-answers';
import { type SandboxState, visibleOrderStatus } from './sandbox-state';

// Loose on purpose (the reference asks the simulator for no more): the client validates checksums itself.
const looseBitcoinAddress =
  /^((bc1|tb1)[02-9ac-hj-np-z]{8,87}|(BC1|TB1)[02-9AC-HJ-NP-Z]{8,87}|[123mn][1-9A-HJ-NP-Za-km-z]{25,34})$/;

/** `POST /api/RefundOrder`: checks the order and amount, then commits the refund (status -4). */
export function handleRefundOrder(
  state: SandboxState,
  fields: Map<string, string>,
  format: ReplyFormat,
): LoopbackResponse {
  const { messages } = state;
  const refuse = (message: string) => messageAnswer(400, message, format);
  const order = state.orders.get(fields.get('orderid') ?? '');
  if (!order) return refuse(messages.orderNotFound);
  const amount = fields.get('amount') ?? '';
  const decimals = amount.split('.')[1]?.length ?? 0;
  if (!/^\d+(\.\d+)?$/.test(amount) || !/[1-9]/.test(amount) || decimals > state.amountMaxDecimals) {
    return refuse(messages.invalidAmount);
  }
  if (!looseBitcoinAddress.test(fields.get('address') ?? '')) return refuse(messages.invalidAddress);
  if (!['0', '1', 'buynew'].includes((fields.get('refundtype') ?? '').toLowerCase())) {
    return refuse(messages.invalidRefundType);
  }
  const refundableStatuses = state.refundMode === 'single' ? [2] : [2, -4, -5];
  if (!refundableStatuses.includes(order.status)) return refuse(messages.orderNotRefundable);
  if (state.balances.take(order.orderId, { amount, currency: order.invoiceCurrency }) !== 'taken') {
    return refuse(messages.amountTooLarge);
  }
  // A lagging read side goes on showing what it showed before this refund, for readLagMs.
  if (state.readLagMs > 0) {
    order.shownBefore = { status: visibleOrderStatus(order), until: Date.now() + state.readLagMs };
  }
  order.status = -4;
  const record = { orderId: order.orderId, amount, status: 'pending' as const };
  state.executed.push(record);
  state.refundCommitted(order, record);
  return refundAcceptedAnswer(format, state.refundAnswer);
}
