import * as v from 'valibot';
import { currencySchema, gatePayAmountSchema } from '../gatepay-send-schemas';
import { gatePayRefundEndpoints } from '../gatepay-settings';

/** `RefundRequest.providerOptions` for GatePay. Unknown keys are refused, so a typo cannot be silently ignored. */
export const gatePayRefundOptionsSchema = v.strictObject({
  /** Overrides the `refundEndpoint` setting for this refund. */
  endpoint: v.optional(
    v.picklist(gatePayRefundEndpoints, `must be one of ${gatePayRefundEndpoints.join(', ')}`),
  ),
  /** `convert` only, required: the currency the user paid with (`refundPayCurrency`). */
  refundPayCurrency: v.optional(currencySchema),
  /** `convert` only: the refund expressed in the pay currency (`refundPayAmount`). */
  refundPayAmount: v.optional(gatePayAmountSchema),
  /** `standard` only: 1 = the merchant pays the network fee, 2 = the user does (`refundBearType`). */
  refundBearType: v.optional(v.picklist([1, 2], 'must be 1 (merchant pays the fee) or 2 (user pays it)')),
  /** `standard` only: a transfer memo (`memo`). */
  memo: v.optional(v.pipe(v.string('must be a string'), v.maxLength(256, 'must be at most 256 characters'))),
});

export type GatePayRefundOptions = v.InferOutput<typeof gatePayRefundOptionsSchema>;

/** Which endpoints each option means something to; any other use is refused rather than dropped. */
export const refundOptionEndpoints = {
  refundPayCurrency: ['convert'],
  refundPayAmount: ['convert'],
  refundBearType: ['standard'],
  memo: ['standard'],
} as const;
