import { gatePayOperation } from '../gatepay-operation';
import { refundDetailsDataSchema } from './refund-details-api';
import { refundDetailsQuerySchema } from './refund-details-options';

/**
 * `GET /v2/pay/refund/details?refundRequestId=...`. GatePay advises it when no notification arrived within
 * 10 seconds of a V2 refund.
 */
export const refundDetails = gatePayOperation({
  method: 'GET',
  path: '/v2/pay/refund/details',
  writes: false,
  inputSchema: refundDetailsQuerySchema,
  dataSchema: refundDetailsDataSchema,
});
