import type { CallOptions } from '@refunds/core';
import { parseIotPayOptions } from '../parse-iotpay-options';
import { type IotPayRequestContext, sendIotPayRequest } from '../send-iotpay-request';
import { type QueryRefundOrderResponse, queryRefundOrderResponseSchema } from './query-refund-order-api';
import { type QueryRefundOrderOptions, queryRefundOrderOptionsSchema } from './query-refund-order-options';

/**
 * The refund query, at the configured `refundQueryPath` (IOTPay's own page is not public). A read, so it is
 * retried after failures; IOTPay sends no refund notification, so this is the way to a final status.
 */
export async function queryRefundOrder(
  context: IotPayRequestContext,
  options: QueryRefundOrderOptions,
  callOptions?: CallOptions,
): Promise<QueryRefundOrderResponse> {
  const input = parseIotPayOptions(queryRefundOrderOptionsSchema, options, 'query_refund_order');
  const { credentials } = context;
  const { response } = await sendIotPayRequest(
    context,
    {
      operation: 'query_refund_order',
      path: credentials.refundQueryPath(),
      fields: {
        mchId: credentials.mchId(),
        mchRefundNo: input.mchRefundNo,
        refundOrderId: input.refundOrderId,
      },
      writes: false,
      requireResultCode: false,
      schema: queryRefundOrderResponseSchema,
    },
    callOptions,
  );
  return response;
}
