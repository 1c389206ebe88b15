import type { RefundSandboxPlugin, SandboxStartOptions } from '@refunds/core';
import { createIotPaySandbox } from './create-iotpay-sandbox';

/** Lets the host's sandbox mode start IOTPay's simulator without knowing it. */
export const iotpaySandboxPlugin: RefundSandboxPlugin = Object.freeze({
  specificationVersion: 'refunds-v1',
  id: 'iotpay',
  start: (options?: SandboxStartOptions) => createIotPaySandbox(options),
});
