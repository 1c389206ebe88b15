import * as v from 'valibot';

/**
 * `bizContent` of `crypto/refund/getOrder`: exactly one of the merchant's refund number and BonusPay's refund
 * order number ("mutually exclusive, can't be both empty and non-empty at the same time").
 */
export type GetRefundOrderRequest =
  | { refundMerchantOrderNo: string; orderNo?: undefined }
  | { orderNo: string; refundMerchantOrderNo?: undefined };

export const getRefundOrderLimits = { refundMerchantOrderNo: 64, orderNo: 32 } as const;

/** The shape of the lookup we send, strictly; the "exactly one" rule is checked beside it. */
export const getRefundOrderRequestSchema = v.strictObject({
  refundMerchantOrderNo: v.optional(
    v.pipe(v.string(), v.maxLength(getRefundOrderLimits.refundMerchantOrderNo)),
  ),
  orderNo: v.optional(v.pipe(v.string(), v.maxLength(getRefundOrderLimits.orderNo))),
});
