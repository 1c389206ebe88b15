import type { CallOptions } from '@refunds/core';
import { parseIotPayOptions } from '../parse-iotpay-options';
import { type IotPayRequestContext, sendIotPayRequest } from '../send-iotpay-request';
import { type QueryOrderResponse, queryOrderResponseSchema } from './query-order-api';
import { type QueryOrderOptions, queryOrderOptionsSchema } from './query-order-options';

export const queryOrderPath = '/v1/query_order';

/** POST /v1/query_order: the original payment, e.g. to see its amount and currency before refunding it. */
export async function queryOrder(
  context: IotPayRequestContext,
  options: QueryOrderOptions,
  callOptions?: CallOptions,
): Promise<QueryOrderResponse> {
  const input = parseIotPayOptions(queryOrderOptionsSchema, options, 'query_order');
  const { response } = await sendIotPayRequest(
    context,
    {
      operation: 'query_order',
      path: queryOrderPath,
      fields: {
        mchId: context.credentials.mchId(),
        payOrderId: input.payOrderId,
        mchOrderNo: input.mchOrderNo,
      },
      writes: false,
      requireResultCode: true,
      schema: queryOrderResponseSchema,
    },
    callOptions,
  );
  return response;
}
