import type { RefundCapabilities, RefundProviderV1 } from '@refunds/core';

/**
 * The host tests' own provider, `memorypay`: status queries but no notifications nor native idempotency, and
 * calls that fail unless a test scripts them.
 */
export function memoryPayProvider(
  overrides: Partial<Pick<RefundProviderV1, 'refund' | 'getRefund'>> & {
    capabilities?: Partial<RefundCapabilities>;
  } = {},
): RefundProviderV1 {
  return {
    specificationVersion: 'refunds-v1',
    provider: 'memorypay',
    capabilities: {
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: false,
      nativeIdempotency: false,
      ...overrides.capabilities,
    },
    refund: overrides.refund ?? (() => Promise.reject(new Error('this test never refunds'))),
    getRefund: overrides.getRefund ?? (() => Promise.reject(new Error('this test never looks a refund up'))),
  };
}
