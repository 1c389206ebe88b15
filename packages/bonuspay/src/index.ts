export { type BonusPayHead, bonusPayEnvelopeSchema } from './api/bonuspay-envelope-api';
export { type BonusPayMoney, bonusPayMoneySchema } from './api/bonuspay-money-api';
export {
  type RefundOrder,
  type RefundSummary,
  refundOrderSchema,
  refundSummarySchema,
} from './api/refund-order-api';
export { type BonusPayAsset, bonusPayMoneyLimits, defaultBonusPayAssets } from './bonuspay-assets';
export { bonusPayCapabilities } from './bonuspay-capabilities';
export { bonusPayChainAddressPatterns } from './bonuspay-chains';
export type { BonusPayClient } from './bonuspay-client';
export { type BonusPayEnvironment, bonusPayBaseUrls } from './bonuspay-environments';
export { bonusPayErrorTable, isUnsignedErrorCode } from './bonuspay-error-table';
export { default } from './bonuspay-plugin';
export type { BonusPayProvider } from './bonuspay-provider';
export {
  type BonusPayOrderIdField,
  type BonusPayPluginSettings,
  type BonusPaySettings,
  bonusPayEnvironmentVariables,
  bonusPayReconciliationDefaults,
  bonusPaySettingsSchema,
} from './bonuspay-settings';
export { createBonusPay } from './create-bonuspay';
export { createBonusPayClient } from './create-bonuspay-client';
export {
  type GetRefundOrderResponse,
  getRefundOrderBodySchema,
} from './get-refund-order/get-refund-order-api';
export {
  type GetRefundOrderRequest,
  getRefundOrderRequestSchema,
} from './get-refund-order/get-refund-order-options';
export {
  type PlaceRefundOrderResponse,
  placeRefundOrderBodySchema,
} from './place-refund-order/place-refund-order-api';
export {
  type PlaceRefundOrderRequest,
  placeRefundOrderLimits,
  placeRefundOrderRequestSchema,
} from './place-refund-order/place-refund-order-options';
export {
  type BonusPayProviderOptions,
  bonusPayProviderOptionsSchema,
} from './refund-adapter/bonuspay-provider-options';
export { bonusPayNotificationAcknowledgement } from './refund-adapter/to-refund-notification';
export {
  type RefundNotificationPayload,
  refundNotificationSchema,
  wrappedRefundNotificationSchema,
} from './refund-notification/refund-notification-api';
export type { VerifiedRefundNotification } from './refund-notification/verify-refund-notification';
export { signBonusPayRequest } from './sign-bonuspay-request';
export { verifyBonusPaySignature } from './verify-bonuspay-signature';
