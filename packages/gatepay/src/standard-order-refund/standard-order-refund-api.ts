import * as v from 'valibot';
import { receivedAmountSchema, receivedIdSchema, receivedTextSchema } from '../gatepay-receive-schemas';

/**
 * `data` of a successful `/v2/standard/order/refund`. It only means GatePay accepted the refund: the final state
 * comes with the PAY_REFUND notification or from `/v2/pay/refund/details`.
 */
export const standardOrderRefundDataSchema = v.looseObject({
  refundRequestId: receivedIdSchema,
  refundGateId: v.optional(receivedIdSchema),
  prepayId: receivedIdSchema,
  orderAmount: v.optional(receivedAmountSchema),
  refundAmount: receivedAmountSchema,
  errMsg: receivedTextSchema,
  orderCurrency: receivedTextSchema,
  payCurrency: receivedTextSchema,
  payAmount: v.optional(receivedAmountSchema),
});

export type StandardOrderRefundData = v.InferOutput<typeof standardOrderRefundDataSchema>;
