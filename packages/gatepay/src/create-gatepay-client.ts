import type { NotificationInput } from '@refunds/core';
import { addressRefund } from './address-refund/address-refund';
import type { AddressRefundData } from './address-refund/address-refund-api';
import type { AddressRefundBody } from './address-refund/address-refund-options';
import { addressRefundConvert } from './address-refund-convert/address-refund-convert';
import type { AddressRefundConvertData } from './address-refund-convert/address-refund-convert-api';
import type { AddressRefundConvertBody } from './address-refund-convert/address-refund-convert-options';
import {
  type CheckoutRefundBody,
  type CheckoutRefundData,
  checkoutRefund,
} from './checkout-refund/checkout-refund';
import { createGatePaySender, type GatePayCallOptions } from './create-gatepay-sender';
import type { GatePayClientSettings } from './gatepay-settings';
import { orderRefund } from './order-refund/order-refund';
import type { OrderRefundData } from './order-refund/order-refund-api';
import type { OrderRefundBody } from './order-refund/order-refund-options';
import { orderRefundQuery } from './order-refund-query/order-refund-query';
import type { OrderRefundQueryData } from './order-refund-query/order-refund-query-api';
import type { OrderRefundQueryBody } from './order-refund-query/order-refund-query-options';
import type { GatePayResponse } from './read-gatepay-response';
import { refundDetails } from './refund-details/refund-details';
import type { RefundDetailsData } from './refund-details/refund-details-api';
import type { RefundDetailsQuery } from './refund-details/refund-details-options';
import {
  type GatePayNotification,
  verifyGatePayNotification,
} from './refund-notification/verify-gatepay-notification';
import { refundSupportChains } from './refund-support-chains/refund-support-chains';
import type { RefundSupportChainsData } from './refund-support-chains/refund-support-chains-api';
import type { RefundSupportChainsQuery } from './refund-support-chains/refund-support-chains-options';
import { standardOrderRefund } from './standard-order-refund/standard-order-refund';
import type { StandardOrderRefundData } from './standard-order-refund/standard-order-refund-api';
import type { StandardOrderRefundBody } from './standard-order-refund/standard-order-refund-options';

type Operation<Input, Data> = (input: Input, options?: GatePayCallOptions) => Promise<GatePayResponse<Data>>;

/** Every GatePay refund endpoint, with GatePay's own field names. */
export interface GatePayClient {
  /** `POST /v1/pay/order/refund`: web, app and QR payments. */
  orderRefund: Operation<OrderRefundBody, OrderRefundData>;
  /** `POST /v1/pay/order/refund/query`. */
  orderRefundQuery: Operation<OrderRefundQueryBody, OrderRefundQueryData>;
  /** `POST /v1/pay/address/refund`: direct address payments. */
  addressRefund: Operation<AddressRefundBody, AddressRefundData>;
  /** `POST /v1/pay/address/refundconvert`: convert (flash-swap) address payments. */
  addressRefundConvert: Operation<AddressRefundConvertBody, AddressRefundConvertData>;
  /** `POST /v1/pay/checkout/refund`. @deprecated Java-SDK-only legacy endpoint; prefer `standardOrderRefund`. */
  checkoutRefund: Operation<CheckoutRefundBody, CheckoutRefundData>;
  /** `POST /v2/standard/order/refund`: the unified V2 refund. */
  standardOrderRefund: Operation<StandardOrderRefundBody, StandardOrderRefundData>;
  /** `GET /v2/pay/refund/details`. */
  refundDetails: Operation<RefundDetailsQuery, RefundDetailsData>;
  /** `GET /v2/refund/support/chains`. */
  refundSupportChains: Operation<RefundSupportChainsQuery, RefundSupportChainsData>;
  /** Verifies a notification over its raw bytes with the configured secret, then decodes it. */
  verifyNotification(input: NotificationInput): Promise<GatePayNotification>;
}

/**
 * The low-level GatePay client. Calls go to `/payment/open/institution/...` with `X-GatePay-On-Behalf-Of` when
 * `onBehalfOf` is set (in the settings or per call). Failures are RefundErrors, mapped through one error table.
 */
export function createGatePayClient(settings: GatePayClientSettings = {}): GatePayClient {
  const sender = createGatePaySender(settings);
  return Object.freeze({
    orderRefund: (body, options) => orderRefund(sender, body, options),
    orderRefundQuery: (body, options) => orderRefundQuery(sender, body, options),
    addressRefund: (body, options) => addressRefund(sender, body, options),
    addressRefundConvert: (body, options) => addressRefundConvert(sender, body, options),
    checkoutRefund: (body, options) => checkoutRefund(sender, body, options),
    standardOrderRefund: (body, options) => standardOrderRefund(sender, body, options),
    refundDetails: (query, options) => refundDetails(sender, query, options),
    refundSupportChains: (query, options) => refundSupportChains(sender, query, options),
    verifyNotification: async (input) =>
      verifyGatePayNotification({
        ...input,
        secretKey: sender.settings.secretKey(),
        toleranceMs: settings.notificationToleranceMs,
      }),
  } satisfies GatePayClient);
}
