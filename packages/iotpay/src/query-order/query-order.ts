import { iotpayOperation } from '../iotpay-operation';
import { queryOrderResponseSchema } from './query-order-api';
import { queryOrderOptionsSchema } from './query-order-options';

export const queryOrderPath = '/v1/query_order';

/** POST /v1/query_order: the original payment, e.g. to see its amount and currency before refunding it. */
export const queryOrder = iotpayOperation({
  operation: 'query_order',
  path: queryOrderPath,
  writes: false,
  requireResultCode: true,
  optionsSchema: queryOrderOptionsSchema,
  responseSchema: queryOrderResponseSchema,
  fields: (input, settings) => ({
    mchId: settings.mchId(),
    payOrderId: input.payOrderId,
    mchOrderNo: input.mchOrderNo,
  }),
});
