import * as v from 'valibot';
import { iotpayEnvelopeEntries, iotpayTextFields } from '../iotpay-envelope-api';

/**
 * refund_order's answer. XxPay's answers `refundOrderId` only; the echoed request fields are checked when IOTPay
 * sends them. The refund itself runs asynchronously after this answer.
 */
export const refundOrderResponseSchema = v.looseObject({
  ...iotpayEnvelopeEntries,
  ...iotpayTextFields('refundOrderId', 'mchId', 'mchRefundNo', 'payOrderId', 'refundAmount', 'currency'),
});

export type RefundOrderResponse = v.InferOutput<typeof refundOrderResponseSchema>;
