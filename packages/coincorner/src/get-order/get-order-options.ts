import * as v from 'valibot';

/** `GetOrder`'s business field. The client adds APIKey, Signature and Nonce. */
export const getOrderParamsSchema = v.strictObject({
  OrderId: v.pipe(v.string(), v.nonEmpty('OrderId must not be empty')),
});

export type GetOrderParams = v.InferInput<typeof getOrderParamsSchema>;
