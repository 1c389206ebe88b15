import type { CallOptions, NotificationInput } from '@refunds/core';
import type { GetRefundOrderResponse } from './get-refund-order/get-refund-order-api';
import type { GetRefundOrderRequest } from './get-refund-order/get-refund-order-options';
import type { PlaceRefundOrderResponse } from './place-refund-order/place-refund-order-api';
import type { PlaceRefundOrderRequest } from './place-refund-order/place-refund-order-options';
import type { VerifiedRefundNotification } from './refund-notification/verify-refund-notification';

/** BonusPay's refund API with its own operation and field names. Every answer is verified before it is read. */
export interface BonusPayClient {
  /**
   * `crypto/refund/placeOrder`. Sent once; an `unknown` outcome is resolved with `getRefundOrder`. Pass
   * `{ resend: true }` when sending again a refund whose earlier attempt may have executed.
   */
  placeRefundOrder(
    request: PlaceRefundOrderRequest,
    options?: CallOptions,
  ): Promise<PlaceRefundOrderResponse>;
  /** `crypto/refund/getOrder`, by `refundMerchantOrderNo` or by BonusPay's `orderNo`. */
  getRefundOrder(request: GetRefundOrderRequest, options?: CallOptions): Promise<GetRefundOrderResponse>;
  /** Verifies a refund notification over its raw bytes, then parses it. Reply `SUCCESS` once it is handled. */
  verifyRefundNotification(input: NotificationInput): Promise<VerifiedRefundNotification>;
}
