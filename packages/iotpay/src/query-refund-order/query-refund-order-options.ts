import * as v from 'valibot';
import { iotpayText } from '../iotpay-field-rules';

/** Looks a refund up by the merchant's refund number or IOTPay's refund id (XxPay prefers mchRefundNo). */
export const queryRefundOrderOptionsSchema = v.pipe(
  v.strictObject({
    mchRefundNo: v.optional(iotpayText(30)),
    refundOrderId: v.optional(iotpayText(64)),
  }),
  v.check(
    (input) => input.mchRefundNo !== undefined || input.refundOrderId !== undefined,
    'needs mchRefundNo or refundOrderId',
  ),
);

export type QueryRefundOrderOptions = v.InferInput<typeof queryRefundOrderOptionsSchema>;
