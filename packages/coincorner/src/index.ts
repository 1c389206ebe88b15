// parseBitcoinAddress is exported from @refunds/coincorner/bitcoin-address: its libraries load only when used.
export type { BitcoinAddressCheck } from './bitcoin-address/parse-bitcoin-address';
export type { CheckOrderResponse } from './check-order/check-order-api';
export type { CheckOrderParams } from './check-order/check-order-options';
export { coincornerCapabilities } from './coincorner-capabilities';
export { coincornerErrorTable } from './coincorner-error-table';
export { coincornerOrderStatuses } from './coincorner-order-statuses';
export { coincornerPlugin, default } from './coincorner-plugin';
export { coincornerReconciliationDefaults } from './coincorner-reconciliation';
export {
  type CoinCornerClientSettings,
  type CoinCornerPluginSettings,
  type CoinCornerSettings,
  coincornerProductionUrl,
  coincornerSettingsSchema,
} from './coincorner-settings';
export { createCoinCorner } from './create-coincorner';
export { type CoinCornerClient, createCoinCornerClient } from './create-coincorner-client';
export type { GetOrderResponse } from './get-order/get-order-api';
export type { GetOrderParams } from './get-order/get-order-options';
export type { CoinCornerProviderOptions } from './refund-adapter/coincorner-provider-options';
export type { RefundOrderResponse } from './refund-order/refund-order-api';
export type { RefundOrderParams } from './refund-order/refund-order-options';
export {
  coincornerSignatureMessage,
  signCoinCornerRequest,
  type UserIdCase,
} from './sign-coincorner-request';
export type { CoinCornerWebhook } from './webhook/coincorner-webhook-api';
