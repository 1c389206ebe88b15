import * as v from 'valibot';
import { receivedAmountSchema, receivedIdSchema, receivedTextSchema } from '../gatepay-receive-schemas';

/**
 * The outer body of a GatePay notification. `data` is itself a JSON-encoded string. The client id comes as
 * `clientId` or `client_id` (GatePay documents both), and older notifications send `bizId` as a number. Only
 * `bizType` is required here: notifications of other kinds (payments, payouts) arrive on the same URL with shapes
 * of their own, and must still be read far enough to be acknowledged.
 */
export const gatePayNotificationSchema = v.looseObject({
  bizType: v.string(),
  bizId: v.nullish(receivedIdSchema),
  bizStatus: receivedTextSchema,
  clientId: receivedTextSchema,
  client_id: receivedTextSchema,
  data: v.unknown(),
});

/** What a PAY_REFUND notification must carry besides `bizType`. */
export const refundNotificationEnvelopeSchema = v.looseObject({
  bizId: receivedIdSchema,
  bizStatus: v.string(),
  data: v.union([v.string(), v.looseObject({})]),
});

/** The `bizType` of refund notifications. */
export const refundBizType = 'PAY_REFUND';

/** `refundInfo` of a PAY_REFUND notification. */
export const refundInfoSchema = v.looseObject({
  refundRequestId: receivedIdSchema,
  prepayId: v.optional(receivedIdSchema),
  orderAmount: v.optional(receivedAmountSchema),
  refundAmount: v.optional(receivedAmountSchema),
  refundPayCurrency: receivedTextSchema,
  refundPayAmount: v.optional(receivedAmountSchema),
});

/** The decoded `data` of a notification; `refundInfo` is present for PAY_REFUND. */
export const notificationDataSchema = v.looseObject({
  merchantTradeNo: receivedTextSchema,
  currency: receivedTextSchema,
  orderAmount: v.optional(receivedAmountSchema),
  transactionId: v.nullish(receivedIdSchema),
  refundInfo: v.optional(refundInfoSchema),
});

export type GatePayRefundInfo = v.InferOutput<typeof refundInfoSchema>;
export type GatePayNotificationData = v.InferOutput<typeof notificationDataSchema>;

/** `bizStatus` values of a PAY_REFUND notification. */
export const gatePayRefundBizStatuses = ['REFUND_SUCCESS', 'REFUND_PROCESS', 'REFUND_REJECTED'] as const;
