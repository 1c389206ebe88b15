import * as v from 'valibot';
import {
  gatePayAmountSchema,
  gateUidSchema,
  prepayIdSchema,
  refundReasonSchema,
  refundRequestIdSchema,
} from '../gatepay-send-schemas';

/** Body of `POST /v1/pay/address/refund` (direct address payments), in GatePay's field order. */
export const addressRefundBodySchema = v.strictObject({
  refundRequestId: refundRequestIdSchema,
  prepayId: prepayIdSchema,
  refundAmount: gatePayAmountSchema,
  /** Gate UID of the recipient, as a digit string; it is sent as a JSON number. */
  receiverId: gateUidSchema,
  refundReason: v.optional(refundReasonSchema),
});

export type AddressRefundBody = v.InferInput<typeof addressRefundBodySchema>;
