import * as v from 'valibot';
import { iotpayEnvelopeEntries, iotpayTextFields } from '../iotpay-envelope-api';

/**
 * query_order's answer (documented). `amount` is in cents. Payment status: 0 created, 1 paying, 2 paid,
 * 3 paid and notified, 4 cancelled by the system, 9 cancelled by the user; only 2 and 3 can be refunded.
 */
export const queryOrderResponseSchema = v.looseObject({
  ...iotpayEnvelopeEntries,
  ...iotpayTextFields(
    'mchId',
    'payOrderId',
    'mchOrderNo',
    'channelId',
    'currency',
    'amount',
    'status',
    'paySuccTime',
    'channelOrderNo',
  ),
});

export type QueryOrderResponse = v.InferOutput<typeof queryOrderResponseSchema>;
