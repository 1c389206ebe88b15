import * as v from 'valibot';
import { iotpayEnvelopeEntries } from '../iotpay-envelope-api';

/**
 * refund_order's answer. XxPay's answers `refundOrderId` only; the echoed request fields are checked when IOTPay
 * sends them. The refund itself runs asynchronously after this answer.
 */
export const refundOrderResponseSchema = v.looseObject({
  ...iotpayEnvelopeEntries,
  refundOrderId: v.nullish(v.string()),
  mchId: v.nullish(v.string()),
  mchRefundNo: v.nullish(v.string()),
  payOrderId: v.nullish(v.string()),
  refundAmount: v.nullish(v.string()),
  currency: v.nullish(v.string()),
});

export type RefundOrderResponse = v.InferOutput<typeof refundOrderResponseSchema>;
