import { gatePayOperation } from '../gatepay-operation';
import { standardOrderRefundDataSchema } from './standard-order-refund-api';
import { standardOrderRefundBodySchema } from './standard-order-refund-options';

/** `POST /v2/standard/order/refund`. The order must be paid. */
export const standardOrderRefund = gatePayOperation({
  method: 'POST',
  path: '/v2/standard/order/refund',
  writes: true,
  inputSchema: standardOrderRefundBodySchema,
  dataSchema: standardOrderRefundDataSchema,
  integerFields: ['refundToGateUid'],
});
