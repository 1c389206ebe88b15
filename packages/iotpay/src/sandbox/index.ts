export { createIotPaySandbox, type IotPaySandbox } from './create-iotpay-sandbox';
export type { IotPaySandboxOptions } from './iotpay-sandbox-options';
export { iotpaySandboxPlugin as default } from './iotpay-sandbox-plugin';
export { hasValidXxPaySign, signLikeXxPay } from './sign-like-xxpay';
