import { iotpayOperation } from '../iotpay-operation';
import { refundOrderResponseSchema } from './refund-order-api';
import { refundOrderOptionsSchema } from './refund-order-options';

export const refundOrderPath = '/v1/refund_order';

/**
 * POST /v1/refund_order. Sent once: IOTPay does not document what it does with a repeated mchRefundNo, so a
 * failure after sending is `unknown` and must be checked with queryRefundOrder, never blindly resent.
 */
export const refundOrder = iotpayOperation({
  operation: 'refund_order',
  path: refundOrderPath,
  writes: true,
  requireResultCode: true,
  optionsSchema: refundOrderOptionsSchema,
  responseSchema: refundOrderResponseSchema,
  fields: (input, settings) => ({
    mchId: settings.mchId(),
    mchRefundNo: input.mchRefundNo,
    refundAmount: input.refundAmount,
    currency: input.currency,
    clientIp: input.clientIp ?? settings.clientIp(),
    device: input.device,
    loginName: input.loginName ?? settings.loginName(),
    payOrderId: input.payOrderId,
    channelId: input.channelId,
  }),
});
