import * as v from 'valibot';
import { optionalText, refundOrderSchema } from '../api/refund-order-api';

/**
 * The refund result BonusPay posts to `notifyUrl`: a flat object (PayBy SDK) whose `notify_id` identifies the
 * notification across redeliveries. Numbers are read as their exact text.
 */
export const refundNotificationSchema = v.looseObject({
  notify_id: optionalText,
  /** `yyyyMMddHHmmss` in the platform's local time (UTC+4 in PayBy's sample). */
  notify_time: optionalText,
  notify_timestamp: optionalText,
  _input_charset: optionalText,
  refundOrder: refundOrderSchema,
});

export type RefundNotificationPayload = v.InferOutput<typeof refundNotificationSchema>;

/** The same wrapped as `{"body":{...}}`, the shape one integration assumes and the docs print. */
export const wrappedRefundNotificationSchema = v.looseObject({ body: refundNotificationSchema });
