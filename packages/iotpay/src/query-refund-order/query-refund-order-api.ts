import * as v from 'valibot';
import { iotpayEnvelopeEntries, iotpayTextFields } from '../iotpay-envelope-api';

const digits = v.pipe(v.string(), v.regex(/^\d+$/, 'must be an integer'));

/**
 * The refund query's answer, modelled on XxPay's (`mchId`, `mchRefundNo`, `refundAmount` in cents, `status`,
 * `channelOrderNo`, `refundSuccTime` in ms); `refundOrderId`, `payOrderId` and `currency` are read when present.
 * Status: 0 created, 1 refunding, 2 success, 3 failed, 4 business complete.
 */
export const queryRefundOrderResponseSchema = v.looseObject({
  ...iotpayEnvelopeEntries,
  ...iotpayTextFields('mchId', 'mchRefundNo', 'refundOrderId', 'payOrderId', 'currency'),
  ...iotpayTextFields('channelOrderNo', 'refundSuccTime'),
  refundAmount: digits,
  status: digits,
});

export type QueryRefundOrderResponse = v.InferOutput<typeof queryRefundOrderResponseSchema>;
