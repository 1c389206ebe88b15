import * as v from 'valibot';
import { iotpayEnvelopeEntries } from '../iotpay-envelope-api';

/**
 * query_order's answer (documented). `amount` is in cents. Payment status: 0 created, 1 paying, 2 paid,
 * 3 paid and notified, 4 cancelled by the system, 9 cancelled by the user; only 2 and 3 can be refunded.
 */
export const queryOrderResponseSchema = v.looseObject({
  ...iotpayEnvelopeEntries,
  mchId: v.nullish(v.string()),
  payOrderId: v.nullish(v.string()),
  mchOrderNo: v.nullish(v.string()),
  channelId: v.nullish(v.string()),
  currency: v.nullish(v.string()),
  amount: v.nullish(v.string()),
  status: v.nullish(v.string()),
  paySuccTime: v.nullish(v.string()),
  channelOrderNo: v.nullish(v.string()),
});

export type QueryOrderResponse = v.InferOutput<typeof queryOrderResponseSchema>;
