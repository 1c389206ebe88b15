import * as v from 'valibot';

/** `RefundOrder`'s business fields, with CoinCorner's own names. The client adds APIKey, Signature and Nonce. */
export const refundOrderParamsSchema = v.strictObject({
  /** The merchant's own order id, as used at CreateOrder. */
  OrderId: v.pipe(v.string(), v.nonEmpty('OrderId must not be empty')),
  /** In the order's invoice currency, as a decimal string (sent as is: `10.00`). */
  Amount: v.pipe(
    v.string('Amount must be a decimal string such as "10.00", never a JavaScript number'),
    v.regex(/^\d+(\.\d+)?$/, 'Amount must be a plain decimal string such as "10.00"'),
    v.check((amount) => /[1-9]/.test(amount), 'Amount must be greater than zero'),
  ),
  /** The Bitcoin address the refund is sent to. */
  Address: v.pipe(v.string(), v.nonEmpty('Address must not be empty')),
  /** Undocumented enum: 0 is `BuyNew`, 1 is what CoinCorner's own example sends. */
  RefundType: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255)),
});

export type RefundOrderParams = v.InferInput<typeof refundOrderParamsSchema>;
