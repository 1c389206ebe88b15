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
 * `data` of `GET /v2/pay/refund/details`, with the fields of `QueryRefundRespV2` in GatePay's Go SDK. The camelCase
 * and snake_case mix is GatePay's own; the integers (`createTime`, `refund_style`, `billType`...) are JSON numbers
 * in the SDK's model and strings in the doc example, so both are read. The values of `status` are not documented: `SUCCESS`, `FAIL` and
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
  channelId: receivedTextSchema,
  nickName: receivedTextSchema,
  payerId: optionalId,
  fromAddress: receivedTextSchema,
  payChannel: optionalId,
  billType: optionalId,
  goodsName: receivedTextSchema,
  /** Order-wide: what the order's refunds asked for, and what the order received. */
  totalRequestAmount: optionalAmount,
  totalRequestCurrency: receivedTextSchema,
  totalReceiveAmount: optionalAmount,
  totalReceiveCurrency: receivedTextSchema,
  refundDetails: v.nullish(v.array(refundDetailEntrySchema)),
});

export type RefundDetailsData = v.InferOutput<typeof refundDetailsDataSchema>;
