import type { CallOptions } from '@refunds/core';
import { parseIotPayOptions } from '../parse-iotpay-options';
import { type IotPayRequestContext, sendIotPayRequest } from '../send-iotpay-request';
import { type RefundOrderResponse, refundOrderResponseSchema } from './refund-order-api';
import { type RefundOrderOptions, refundOrderOptionsSchema } from './refund-order-options';

export const refundOrderPath = '/v1/refund_order';

/**
 * POST /v1/refund_order. Sent once: IOTPay does not document what it does with a repeated mchRefundNo, so a
 * failure after sending is `unknown` and must be checked with queryRefundOrder, never blindly resent.
 */
export async function refundOrder(
  context: IotPayRequestContext,
  options: RefundOrderOptions,
  callOptions?: CallOptions,
): Promise<RefundOrderResponse> {
  const input = parseIotPayOptions(refundOrderOptionsSchema, options, 'refund_order');
  const { credentials } = context;
  const { response } = await sendIotPayRequest(
    context,
    {
      operation: 'refund_order',
      path: refundOrderPath,
      fields: {
        mchId: credentials.mchId(),
        mchRefundNo: input.mchRefundNo,
        refundAmount: input.refundAmount,
        currency: input.currency,
        clientIp: input.clientIp ?? credentials.clientIp(),
        device: input.device,
        loginName: input.loginName ?? credentials.loginName(),
        payOrderId: input.payOrderId,
        channelId: input.channelId,
      },
      writes: true,
      requireResultCode: true,
      schema: refundOrderResponseSchema,
    },
    callOptions,
  );
  return response;
}
