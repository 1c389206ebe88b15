import { createRedactor, type RefundProviderV1 } from '@refunds/core';
import { createGatePayClient } from './create-gatepay-client';
import { refundReasonSchema } from './gatepay-send-schemas';
import type { GatePaySettings } from './gatepay-settings';
import { parseGatePayInput } from './parse-gatepay-input';
import { readGatePaySettings } from './read-gatepay-settings';
import { queryGatePayRefund } from './refund-adapter/query-gatepay-refund';
import { readRefundNotification } from './refund-adapter/read-refund-notification';
import { refundWithGatePay } from './refund-adapter/refund-with-gatepay';

/** GatePay always answers notifications with a reply body, so `verifyNotification` is always there. */
export type GatePayProvider = RefundProviderV1 & Required<Pick<RefundProviderV1, 'verifyNotification'>>;

/**
 * GatePay behind the `refunds-v1` contract. `refundId` becomes `refundRequestId` and `orderId` becomes `prepayId`;
 * a successful refund is `pending` until `getRefund` or a PAY_REFUND notification says it is final.
 * Credentials live in closures only, so logging or serializing the provider shows no secret.
 */
export function createGatePay(settings: GatePaySettings = {}): GatePayProvider {
  const client = createGatePayClient(settings);
  const readers = readGatePaySettings(settings);
  const redactor = createRedactor(() => [readers.configuredSecretKey()]);
  const reason = () =>
    settings.defaultRefundReason === undefined
      ? 'Refund'
      : parseGatePayInput(refundReasonSchema, settings.defaultRefundReason, 'defaultRefundReason') ||
        'Refund';

  return Object.freeze({
    specificationVersion: 'refunds-v1',
    provider: 'gatepay',
    capabilities: Object.freeze({
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: true,
      nativeIdempotency: settings.nativeIdempotency === true,
    }),
    refund: (request, options) =>
      refundWithGatePay(client, request, {
        endpoint: readers.refundEndpoint,
        reason,
        signal: options?.signal,
        resend: options?.resend,
      }),
    // Read when the host asks, like every setting, so a bad GATEPAY_SETTLE_WINDOW_MS is reported then, by name.
    get reconciliation() {
      return { settleWindowMs: readers.settleWindowMs(), maximumPendingMs: readers.maximumPendingMs() };
    },
    getRefund: (lookup, options) => queryGatePayRefund(client, lookup, options),
    verifyNotification: (input) => readRefundNotification(client, input, redactor),
  } satisfies GatePayProvider);
}
