import * as v from 'valibot';

// What __Name__ answers, validated leniently: unknown fields are dropped, missing or mistyped ones refused.
// TODO: the fields from __Name__'s documentation.

export const __camel__RefundStatuses = ['PROCESSING', 'SUCCESS', 'FAILED'] as const;

export const __camel__RefundSchema = v.object({
  refundId: v.string(),
  orderId: v.string(),
  providerRefundId: v.string(),
  amount: v.pipe(v.string(), v.regex(/^\d+(\.\d+)?$/)),
  currency: v.string(),
  status: v.picklist(__camel__RefundStatuses),
});

export type __Name__Refund = v.InferOutput<typeof __camel__RefundSchema>;
