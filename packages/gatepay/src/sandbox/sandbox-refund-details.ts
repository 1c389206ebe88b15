import { compareAmounts } from '@refunds/core';
import type { SandboxOrder, SandboxRefund } from './create-sandbox-ledger';

/** Fields of the details answer that GatePay's SDKs type as integers; they go out as JSON numbers. */
export const refundDetailsIntegerFields = [
  'createTime',
  'transactTime',
  'refund_style',
  'refund_pay_channel',
  'refund_bear_type',
  'refund_amount_type',
  'refund_account_type',
  'refund_to_gate_uid',
];

/** `data` of `GET /v2/pay/refund/details`, with GatePay's camelCase and snake_case mix. */
export function sandboxRefundDetails(order: SandboxOrder, refund: SandboxRefund): Record<string, unknown> {
  const amount = refund.amount ?? refund.payAmount ?? '0';
  const currency = refund.amount === undefined ? order.payCurrency : order.currency;
  const transactTime = refund.transactTime ?? refund.createTime;
  return {
    refundRequestId: refund.refundRequestId,
    gateRefundId: refund.refundGateId,
    refundId: refund.refundGateId,
    orderId: order.prepayId,
    merchantTradeNo: order.merchantTradeNo,
    createTime: String(refund.createTime),
    transactTime: String(transactTime),
    transactionId: refund.refundGateId,
    txHash: '',
    orderAmount: order.amount,
    orderCurrency: order.currency,
    requestAmount: amount,
    requestCurrency: currency,
    amount,
    currency,
    status: refund.status,
    remark: refund.reason,
    refund_style: String(refund.target.style),
    refund_pay_channel: String(refund.target.channel || 1),
    refund_address: refund.target.address,
    refund_chain: refund.target.chain,
    refund_bear_type: String(refund.target.bearType),
    refund_amount_type: compareAmounts(amount, order.amount) === 0 ? '1' : '2',
    refund_account_type: '1',
    refund_gas_amount: '0',
    refund_fail_reason: refund.status === 'FAIL' ? 'Rejected by the sandbox (settleAs)' : '',
    refund_to_gate_uid: refund.target.gateUid || '0',
    channelId: '',
    goodsName: order.description,
    refundDetails: [
      {
        transactionId: refund.refundGateId,
        transactTime: String(transactTime),
        payChannel: String(refund.target.channel || 1),
        status: refund.status,
        amount,
        currency,
        chain: refund.target.chain,
        address: refund.target.address,
        hash: '',
        remark: refund.reason,
        billType: '1',
      },
    ],
  };
}
