export type { AddressRefundData } from './address-refund/address-refund-api';
export type { AddressRefundBody } from './address-refund/address-refund-options';
export type { AddressRefundConvertData } from './address-refund-convert/address-refund-convert-api';
export type { AddressRefundConvertBody } from './address-refund-convert/address-refund-convert-options';
export type { CheckoutRefundBody, CheckoutRefundData } from './checkout-refund/checkout-refund';
export { createGatePay, type GatePayProvider } from './create-gatepay';
export { createGatePayClient, type GatePayClient } from './create-gatepay-client';
export type { GatePayCallOptions } from './create-gatepay-sender';
export type { GatePayEnvelope } from './gatepay-envelope';
export { type GatePayErrorCode, gatePayErrorTable } from './gatepay-error-table';
export { default } from './gatepay-plugin';
export { gatePayReconciliationDefaults } from './gatepay-reconciliation-defaults';
export {
  type GatePayClientSettings,
  type GatePayPluginSettings,
  type GatePayRefundEndpoint,
  type GatePaySettings,
  gatePayRefundEndpoints,
  gatePaySettingsSchema,
} from './gatepay-settings';
export { gatePayInstitutionPrefix, gatePayProductionUrl } from './gatepay-urls';
export type { OrderRefundData } from './order-refund/order-refund-api';
export type { OrderRefundBody } from './order-refund/order-refund-options';
export type { OrderRefundQueryData } from './order-refund-query/order-refund-query-api';
export type { OrderRefundQueryBody } from './order-refund-query/order-refund-query-options';
export type { GatePayResponse } from './read-gatepay-response';
export type { GatePayRefundOptions } from './refund-adapter/gatepay-refund-options';
export type { RefundDetailsData } from './refund-details/refund-details-api';
export type { RefundDetailsQuery } from './refund-details/refund-details-options';
export { gatePayNotificationAcknowledgement } from './refund-notification/gatepay-notification-acknowledgement';
export type {
  GatePayNotificationData,
  GatePayRefundInfo,
} from './refund-notification/refund-notification-api';
export {
  type GatePayNotification,
  type VerifyGatePayNotificationInput,
  verifyGatePayNotification,
} from './refund-notification/verify-gatepay-notification';
export type { RefundSupportChainsData } from './refund-support-chains/refund-support-chains-api';
export type { RefundSupportChainsQuery } from './refund-support-chains/refund-support-chains-options';
export { type GatePaySignatureInput, signGatePayRequest } from './sign-gatepay-request';
export type { StandardOrderRefundData } from './standard-order-refund/standard-order-refund-api';
export type { StandardOrderRefundBody } from './standard-order-refund/standard-order-refund-options';
export { verifyGatePaySignature } from './verify-gatepay-signature';
