import { gatePayOperation } from '../gatepay-operation';
import { orderRefundQueryDataSchema } from './order-refund-query-api';
import { orderRefundQueryBodySchema } from './order-refund-query-options';

/** `POST /v1/pay/order/refund/query`. */
export const orderRefundQuery = gatePayOperation({
  method: 'POST',
  path: '/v1/pay/order/refund/query',
  // A read, whatever its method: safe to repeat.
  writes: false,
  inputSchema: orderRefundQueryBodySchema,
  dataSchema: orderRefundQueryDataSchema,
});
