import * as v from 'valibot';
import { iotpayCents, iotpayChannelId, iotpayText } from '../iotpay-field-rules';
import { iotpayCurrencies } from '../iotpay-settings';

/** A refund_order request in IOTPay's own field names; mchId, loginName and clientIp default to the settings. */
export const refundOrderOptionsSchema = v.strictObject({
  /** The merchant's refund number, unique per merchant: never reuse it for another refund. */
  mchRefundNo: iotpayText(30),
  /** IOTPay's id of the paid order, e.g. U00180918065500913991007022. */
  payOrderId: iotpayText(64),
  /** Integer cents, at most what is left to refund on the order. */
  refundAmount: iotpayCents,
  currency: v.optional(v.picklist(iotpayCurrencies, 'must be CAD or USD')),
  clientIp: v.optional(iotpayText(32)),
  device: v.optional(iotpayText(64)),
  channelId: v.optional(iotpayChannelId),
  loginName: v.optional(iotpayText(32)),
});

export type RefundOrderOptions = v.InferInput<typeof refundOrderOptionsSchema>;
