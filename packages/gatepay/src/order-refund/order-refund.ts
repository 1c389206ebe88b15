import { gatePayOperation } from '../gatepay-operation';
import { orderRefundDataSchema } from './order-refund-api';
import { orderRefundBodySchema } from './order-refund-options';

/** `POST /v1/pay/order/refund`. GatePay says refunds cannot be cancelled, withdrawn or rolled back. */
export const orderRefund = gatePayOperation({
  method: 'POST',
  path: '/v1/pay/order/refund',
  writes: true,
  inputSchema: orderRefundBodySchema,
  dataSchema: orderRefundDataSchema,
});
