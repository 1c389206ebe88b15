import { compareAmounts } from '@refunds/core';
import type { SandboxOrder, SandboxRefund } from './create-sandbox-ledger';
import { jsonInteger } from './json-integer';

/**
 * `data` of `GET /v2/pay/refund/details`, field for field and type for type as `QueryRefundRespV2` and
 * `RefundDetailItem` of gate/gatepay-sdk-go (`services/refund/models.go`) declare them: Go refuses a string where it
 * expects an integer (`billType` is a `uint8`, `createTime` an `int64`...), so those go out as JSON numbers. The
 * camelCase and snake_case mix is GatePay's own. Values GatePay does not document (`payChannel`, `billType`,
 * `nickName`) are plausible placeholders of the right type.
 */
export function sandboxRefundDetails(
  order: SandboxOrder,
  refund: SandboxRefund,
  /** What the order's refunds that did not fail took so far (`SandboxLedger.refunded`). */
  refunded: { amount: string; payAmount: string },
): Record<string, unknown> {
  const amount = refund.amount ?? refund.payAmount ?? '0';
  const currency = refund.amount === undefined ? order.payCurrency : order.currency;
  const transactTime = refund.transactTime ?? refund.createTime;
  // 1 = a Gate account, 2 = a Web3 address, 0 = none named (the original payment path).
  const payChannel = String(refund.target.channel);
  return {
    refundRequestId: refund.refundRequestId,
    gateRefundId: refund.refundGateId,
    refundId: refund.refundGateId,
    orderId: order.prepayId,
    merchantTradeNo: order.merchantTradeNo,
    createTime: jsonInteger(refund.createTime),
    transactTime: jsonInteger(transactTime),
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
    refund_style: jsonInteger(refund.target.style),
    refund_pay_channel: jsonInteger(refund.target.channel),
    refund_address: refund.target.address,
    refund_chain: refund.target.chain,
    refund_bear_type: jsonInteger(refund.target.bearType),
    refund_amount_type: jsonInteger(compareAmounts(amount, order.amount) === 0 ? 1 : 2),
    refund_account_type: jsonInteger(1),
    refund_gas_amount: '0',
    refund_fail_reason: refund.status === 'FAIL' ? 'Rejected by the sandbox (settleAs)' : '',
    refund_to_gate_uid: jsonInteger(refund.target.gateUid || 0),
    channelId: '',
    nickName: 'Sandbox payer',
    payerId: jsonInteger(order.payerGateUid),
    fromAddress: '',
    payChannel,
    billType: jsonInteger(1),
    goodsName: order.description,
    // Order-wide: what all refunds that did not fail asked for, and what the order received.
    totalRequestAmount: refund.amount === undefined ? refunded.payAmount : refunded.amount,
    totalRequestCurrency: currency,
    totalReceiveAmount: order.amount,
    totalReceiveCurrency: order.currency,
    refundDetails: [
      {
        transactionId: refund.refundGateId,
        transactTime: jsonInteger(transactTime),
        payChannel,
        status: refund.status,
        amount,
        currency,
        chain: refund.target.chain,
        address: refund.target.address,
        hash: '',
        remark: refund.reason,
        billType: jsonInteger(1),
      },
    ],
  };
}
