import type { CallOptions } from '@refunds/core';
import { createIotPaySender } from './create-iotpay-sender';
import type { IotPayClientSettings } from './iotpay-settings';
import { queryOrder } from './query-order/query-order';
import type { QueryOrderResponse } from './query-order/query-order-api';
import type { QueryOrderOptions } from './query-order/query-order-options';
import { queryRefundOrder } from './query-refund-order/query-refund-order';
import type { QueryRefundOrderResponse } from './query-refund-order/query-refund-order-api';
import type { QueryRefundOrderOptions } from './query-refund-order/query-refund-order-options';
import { refundOrder } from './refund-order/refund-order';
import type { RefundOrderResponse } from './refund-order/refund-order-api';
import type { RefundOrderOptions } from './refund-order/refund-order-options';

/** IOTPay's refund operations with IOTPay's own field names. Failures are `RefundError`s. */
export interface IotPayClient {
  refundOrder(options: RefundOrderOptions, callOptions?: CallOptions): Promise<RefundOrderResponse>;
  queryRefundOrder(
    options: QueryRefundOrderOptions,
    callOptions?: CallOptions,
  ): Promise<QueryRefundOrderResponse>;
  queryOrder(options: QueryOrderOptions, callOptions?: CallOptions): Promise<QueryOrderResponse>;
}

/**
 * The low-level IOTPay client. The settings stay in this closure, never on the returned object, so logging the
 * client cannot print the merchant key.
 */
export function createIotPayClient(settings: IotPayClientSettings = {}): IotPayClient {
  const sender = createIotPaySender(settings);
  return Object.freeze({
    refundOrder: (options: RefundOrderOptions, callOptions?: CallOptions) =>
      refundOrder(sender, options, callOptions),
    queryRefundOrder: (options: QueryRefundOrderOptions, callOptions?: CallOptions) =>
      queryRefundOrder(sender, options, callOptions),
    queryOrder: (options: QueryOrderOptions, callOptions?: CallOptions) =>
      queryOrder(sender, options, callOptions),
  });
}
