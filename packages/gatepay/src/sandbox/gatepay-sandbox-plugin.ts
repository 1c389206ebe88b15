import type { RefundSandboxPlugin } from '@refunds/core';
import { createGatePaySandbox } from './create-gatepay-sandbox';

/** Lets the host's sandbox mode start GatePay's simulator without knowing GatePay. */
const gatePaySandboxPlugin: RefundSandboxPlugin = Object.freeze<RefundSandboxPlugin>({
  specificationVersion: 'refunds-v1',
  id: 'gatepay',
  start: (options) => createGatePaySandbox(options),
});

export default gatePaySandboxPlugin;
