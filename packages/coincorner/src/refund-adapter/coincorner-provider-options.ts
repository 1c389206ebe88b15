import * as v from 'valibot';

/** `RefundRequest.providerOptions` for CoinCorner; any other key is refused so that a typo is not ignored. */
export const coincornerProviderOptionsSchema = v.strictObject({
  /** Overrides the `refundType` setting for this refund. Undocumented enum: 0 `BuyNew`, 1 (example value). */
  refundType: v.optional(
    v.pipe(
      v.number('refundType must be an integer such as 1'),
      v.integer('refundType must be an integer such as 1'),
      v.minValue(0, 'refundType must not be negative'),
      v.maxValue(255, 'refundType must be at most 255'),
    ),
  ),
});

export type CoinCornerProviderOptions = v.InferInput<typeof coincornerProviderOptionsSchema>;
