import * as v from 'valibot';

/** `CheckOrder`'s business field. The client adds APIKey, Signature and Nonce. */
export const checkOrderParamsSchema = v.strictObject({
  OrderId: v.pipe(v.string(), v.nonEmpty('OrderId must not be empty')),
});

export type CheckOrderParams = v.InferInput<typeof checkOrderParamsSchema>;
