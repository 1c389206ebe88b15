import { iotpayOperation } from '../iotpay-operation';
import { queryRefundOrderResponseSchema } from './query-refund-order-api';
import { queryRefundOrderOptionsSchema } from './query-refund-order-options';

/**
 * The refund query, at the configured `refundQueryPath` (IOTPay's own page is not public). A read, so it is
 * retried after failures; IOTPay sends no refund notification, so this is the way to a final status.
 */
export const queryRefundOrder = iotpayOperation({
  operation: 'query_refund_order',
  path: (settings) => settings.refundQueryPath(),
  writes: false,
  requireResultCode: false,
  optionsSchema: queryRefundOrderOptionsSchema,
  responseSchema: queryRefundOrderResponseSchema,
  fields: (input, settings) => ({
    mchId: settings.mchId(),
    mchRefundNo: input.mchRefundNo,
    refundOrderId: input.refundOrderId,
  }),
});
