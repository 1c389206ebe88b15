import type { SandboxOrder, SandboxRefund } from './create-sandbox-ledger';

/** The documented `data` each refund endpoint answers with, echoing what was asked. */
export function sandboxRefundData(order: SandboxOrder, refund: SandboxRefund): Record<string, unknown> {
  const { refundRequestId, prepayId } = refund;
  switch (refund.endpoint) {
    case 'order':
      return {
        refundRequestId,
        prepayId,
        orderAmount: order.amount,
        refundAmount: refund.amount,
        channelId: '',
      };
    case 'address':
      return { refundRequestId, prepayId, orderAmount: order.amount, refundAmount: refund.amount };
    case 'convert':
    case 'checkout':
      return {
        refundRequestId,
        prepayId,
        orderCurrency: order.currency,
        orderAmount: order.amount,
        ...(refund.amount === undefined ? {} : { refundOrderAmount: refund.amount }),
        payCurrency: order.payCurrency,
        payAmount: order.payAmount,
        ...(refund.payAmount === undefined ? {} : { refundPayAmount: refund.payAmount }),
      };
    case 'standard':
      return {
        refundRequestId,
        refundGateId: refund.refundGateId,
        prepayId,
        orderAmount: order.amount,
        refundAmount: refund.amount,
        errMsg: '',
        orderCurrency: order.currency,
        payCurrency: order.payCurrency,
        payAmount: order.payAmount,
      };
  }
}
