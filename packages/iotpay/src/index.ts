export { createIotPay } from './create-iotpay';
export { createIotPayClient, type IotPayClient } from './create-iotpay-client';
export { type IotPayErrorCode, iotpayErrorTable } from './iotpay-error-table';
export { default } from './iotpay-plugin';
export {
  iotpayDefaultMaximumPendingMs,
  iotpayDefaultSettleWindowMs,
} from './iotpay-reconciliation-hints';
export {
  type IotPayClientSettings,
  type IotPayCurrency,
  type IotPayPluginSettings,
  type IotPaySettings,
  iotpayCurrencies,
  iotpayDefaultRefundQueryPath,
  iotpayProductionUrl,
  iotpaySettingsSchema,
} from './iotpay-settings';
export type { QueryOrderResponse } from './query-order/query-order-api';
export type { QueryOrderOptions } from './query-order/query-order-options';
export type { QueryRefundOrderResponse } from './query-refund-order/query-refund-order-api';
export type { QueryRefundOrderOptions } from './query-refund-order/query-refund-order-options';
export { mapIotPayRefundStatus } from './refund-adapter/map-iotpay-refund-status';
export type { RefundOrderResponse } from './refund-order/refund-order-api';
export type { RefundOrderOptions } from './refund-order/refund-order-options';
export { buildIotPayStringToSign, type IotPaySignableValue } from './signing/build-iotpay-string-to-sign';
export { signIotPayParams } from './signing/sign-iotpay-params';
export { verifyIotPaySignature } from './signing/verify-iotpay-signature';
