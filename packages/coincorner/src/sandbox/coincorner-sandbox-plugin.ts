import type { RefundSandboxPlugin, SandboxStartOptions } from '@refunds/core';
import { createCoinCornerSandbox } from './create-coincorner-sandbox';

/** How the host's sandbox mode starts CoinCorner without knowing it. */
export const coincornerSandboxPlugin: RefundSandboxPlugin = Object.freeze({
  specificationVersion: 'refunds-v1' as const,
  id: 'coincorner',
  start: (options?: SandboxStartOptions) => createCoinCornerSandbox(options),
});

export default coincornerSandboxPlugin;
