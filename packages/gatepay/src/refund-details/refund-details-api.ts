import * as v from 'valibot';
import { receivedAmountSchema, receivedIdSchema, receivedTextSchema } from '../gatepay-receive-schemas';

const optionalId = v.nullish(receivedIdSchema);
const optionalAmount = v.nullish(v.union([receivedAmountSchema, v.literal('')]));

/** One movement of money inside a refund. */
export const refundDetailEntrySchema = v.looseObject({
  transactionId: optionalId,
  transactTime: optionalId,
  payChannel: optionalId,
  status: receivedTextSchema,
  amount: optionalAmount,
  currency: receivedTextSchema,
  chain: receivedTextSchema,
  address: receivedTextSchema,
  hash: receivedTextSchema,
  remark: receivedTextSchema,
  billType: optionalId,
});

/**
 * `data` of `GET /v2/pay/refund/details`. The camelCase and snake_case mix is GatePay's own; the snake_case
 * integers come as numbers or strings. The values of `status` are not documented: `SUCCESS`, `FAIL` and
 * `PROCESS` are what the notification's bizStatus suggests.
 */
export const refundDetailsDataSchema = v.looseObject({
  refundRequestId: receivedIdSchema,
  gateRefundId: optionalId,
  refundId: optionalId,
  orderId: optionalId,
  merchantTradeNo: receivedTextSchema,
  createTime: optionalId,
  transactTime: optionalId,
  transactionId: optionalId,
  txHash: receivedTextSchema,
  orderAmount: optionalAmount,
  orderCurrency: receivedTextSchema,
  requestAmount: optionalAmount,
  requestCurrency: receivedTextSchema,
  amount: optionalAmount,
  currency: receivedTextSchema,
  status: receivedTextSchema,
  remark: receivedTextSchema,
  refund_style: optionalId,
  refund_pay_channel: optionalId,
  refund_address: receivedTextSchema,
  refund_chain: receivedTextSchema,
  refund_bear_type: optionalId,
  refund_amount_type: optionalId,
  refund_account_type: optionalId,
  refund_gas_amount: optionalAmount,
  refund_fail_reason: receivedTextSchema,
  refund_to_gate_uid: optionalId,
  refundDetails: v.nullish(v.array(refundDetailEntrySchema)),
});

export type RefundDetailsData = v.InferOutput<typeof refundDetailsDataSchema>;
