import { gatePayOperation } from '../gatepay-operation';
import { addressRefundDataSchema } from './address-refund-api';
import { addressRefundBodySchema } from './address-refund-options';

/** `POST /v1/pay/address/refund`. A convert order must use `addressRefundConvert` instead. */
export const addressRefund = gatePayOperation({
  method: 'POST',
  path: '/v1/pay/address/refund',
  writes: true,
  inputSchema: addressRefundBodySchema,
  dataSchema: addressRefundDataSchema,
  integerFields: ['receiverId'],
});
