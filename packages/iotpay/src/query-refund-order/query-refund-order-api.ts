import * as v from 'valibot';
import { iotpayEnvelopeEntries } from '../iotpay-envelope-api';

const digits = v.pipe(v.string(), v.regex(/^\d+$/, 'must be an integer'));

/**
 * The refund query's answer, modelled on XxPay's (`mchId`, `mchRefundNo`, `refundAmount` in cents, `status`,
 * `channelOrderNo`, `refundSuccTime` in ms); `refundOrderId`, `payOrderId` and `currency` are read when present.
 * Status: 0 created, 1 refunding, 2 success, 3 failed, 4 business complete.
 */
export const queryRefundOrderResponseSchema = v.looseObject({
  ...iotpayEnvelopeEntries,
  mchId: v.nullish(v.string()),
  mchRefundNo: v.nullish(v.string()),
  refundOrderId: v.nullish(v.string()),
  payOrderId: v.nullish(v.string()),
  refundAmount: digits,
  currency: v.nullish(v.string()),
  status: digits,
  channelOrderNo: v.nullish(v.string()),
  refundSuccTime: v.nullish(v.string()),
});

export type QueryRefundOrderResponse = v.InferOutput<typeof queryRefundOrderResponseSchema>;
