import { gatePayOperation } from '../gatepay-operation';
import { addressRefundConvertDataSchema } from './address-refund-convert-api';
import { addressRefundConvertBodySchema } from './address-refund-convert-options';

/** `POST /v1/pay/address/refundconvert`. A direct (non-convert) order is refused with 500208. */
export const addressRefundConvert = gatePayOperation({
  method: 'POST',
  path: '/v1/pay/address/refundconvert',
  writes: true,
  inputSchema: addressRefundConvertBodySchema,
  dataSchema: addressRefundConvertDataSchema,
  integerFields: ['receiverId'],
});
