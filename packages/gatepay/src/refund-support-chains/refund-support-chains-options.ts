import * as v from 'valibot';
import { currencySchema } from '../gatepay-send-schemas';

/** Query of `GET /v2/refund/support/chains`. */
export const refundSupportChainsQuerySchema = v.strictObject({
  currency: currencySchema,
});

export type RefundSupportChainsQuery = v.InferInput<typeof refundSupportChainsQuerySchema>;
