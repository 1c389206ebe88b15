import * as v from 'valibot';
import { iotpayText } from '../iotpay-field-rules';

/** Looks the original payment up by IOTPay's id or the merchant's order number. */
export const queryOrderOptionsSchema = v.pipe(
  v.strictObject({
    payOrderId: v.optional(iotpayText(64)),
    mchOrderNo: v.optional(iotpayText(30)),
  }),
  v.check(
    (input) => input.payOrderId !== undefined || input.mchOrderNo !== undefined,
    'needs payOrderId or mchOrderNo',
  ),
);

export type QueryOrderOptions = v.InferInput<typeof queryOrderOptionsSchema>;
