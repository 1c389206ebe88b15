import { SpanKind } from '@opentelemetry/api';
import type { CallOptions, RefundProviderV1, RefundResult } from '@refunds/core';
import { inSpan } from './in-span';

/**
 * The provider with a client span around each call the host makes to it (`provider.refund`,
 * `provider.getRefund`), named by account. Wrapped once where the host keeps each account's provider, so every
 * caller (refund service, reconciler, sync, operators) is traced without knowing it. Everything else is the
 * provider's own, read through the prototype (a lazily read setting stays lazy).
 */
export function traceProvider(account: string, provider: RefundProviderV1): RefundProviderV1 {
  const traced = (
    operation: 'refund' | 'getRefund',
    refundId: string,
    options: CallOptions | undefined,
    call: () => Promise<RefundResult>,
  ) =>
    inSpan(
      `provider.${operation}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'refunds.account': account,
          'refunds.provider': provider.provider,
          'refunds.refund_id': refundId,
          'refunds.resend': options?.resend === true,
        },
      },
      async (span) => {
        const result = await call();
        span.setAttribute('refunds.status', result.status);
        return result;
      },
    );
  const verifyNotification = provider.verifyNotification?.bind(provider);
  return Object.create(provider, {
    refund: {
      enumerable: true,
      value: (request: Parameters<RefundProviderV1['refund']>[0], options?: CallOptions) =>
        traced('refund', request.refundId, options, () => provider.refund(request, options)),
    },
    getRefund: {
      enumerable: true,
      value: (lookup: Parameters<RefundProviderV1['getRefund']>[0], options?: CallOptions) =>
        traced('getRefund', lookup.refundId, options, () => provider.getRefund(lookup, options)),
    },
    // Bound: a provider that keeps state in private fields must see itself as `this`, not the wrapper.
    ...(verifyNotification ? { verifyNotification: { enumerable: true, value: verifyNotification } } : {}),
  }) as RefundProviderV1;
}
