import type { CallOptions, NotificationInput } from '@refunds/core';
import { checkOrder } from './check-order/check-order';
import type { CheckOrderResponse } from './check-order/check-order-api';
import type { CheckOrderParams } from './check-order/check-order-options';
import type { CoinCornerClientSettings } from './coincorner-settings';
import { type CoinCornerSender, createCoinCornerSender } from './create-coincorner-sender';
import { getOrder } from './get-order/get-order';
import type { GetOrderResponse } from './get-order/get-order-api';
import type { GetOrderParams } from './get-order/get-order-options';
import { refundOrder } from './refund-order/refund-order';
import type { RefundOrderResponse } from './refund-order/refund-order-api';
import type { RefundOrderParams } from './refund-order/refund-order-options';
import type { CoinCornerWebhook } from './webhook/coincorner-webhook-api';
import { verifyCoinCornerWebhook } from './webhook/verify-coincorner-webhook';

/** CoinCorner's refund-related API with its own operation and field names. */
export interface CoinCornerClient {
  /** `POST /api/RefundOrder`. Never retried: a failure after sending is `outcome: 'unknown'`. */
  refundOrder(params: RefundOrderParams, options?: CallOptions): Promise<RefundOrderResponse>;
  /** `POST /api/CheckOrder`: OrderStatus -4 is Pending Refund, -5 Refunded. */
  checkOrder(params: CheckOrderParams, options?: CallOptions): Promise<CheckOrderResponse>;
  /** `POST /api/GetOrder`: amounts (exact decimal strings) and currencies of the order. */
  getOrder(params: GetOrderParams, options?: CallOptions): Promise<GetOrderResponse>;
  /**
   * Authenticates a webhook by its APIKey and returns the order it names. It says nothing about the new status:
   * ask `checkOrder`.
   */
  verifyWebhook(input: NotificationInput): CoinCornerWebhook;
}

/** The low-level client. Credentials are read at the first call, never stored on the returned object. */
export function createCoinCornerClient(settings: CoinCornerClientSettings = {}): CoinCornerClient {
  return coincornerClientOver(createCoinCornerSender(settings));
}

/** The client over an existing sender, so the adapter shares one transport, redactor and nonce queue. */
export function coincornerClientOver(sender: CoinCornerSender): CoinCornerClient {
  return Object.freeze({
    refundOrder: (params: RefundOrderParams, options?: CallOptions) => refundOrder(sender, params, options),
    checkOrder: (params: CheckOrderParams, options?: CallOptions) => checkOrder(sender, params, options),
    getOrder: (params: GetOrderParams, options?: CallOptions) => getOrder(sender, params, options),
    verifyWebhook: (input: NotificationInput) => verifyCoinCornerWebhook(sender, input),
  });
}
