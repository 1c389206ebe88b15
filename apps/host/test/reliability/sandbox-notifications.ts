import type {
  NotificationInput,
  RefundCapabilities,
  RunningSandbox,
  WantedNotification,
} from '@refunds/core';

export type { WantedNotification } from '@refunds/core';

export type NotificationSource =
  | {
      build(refund: { refundId: string; orderId: string }, wanted: WantedNotification): NotificationInput;
      /** Whether a signature covers the body, so that any change to it must be refused. */
      signedBody: boolean;
    }
  | { notApplicable: string };

/**
 * Providers whose notification body carries no signature. CoinCorner's webhook is authenticated by the API key
 * inside it and carries no status (the provider reads it from CheckOrder), so a changed byte elsewhere may still
 * verify. Every other provider is held to the stricter rule: a fifth provider needs no entry here unless its
 * notifications, too, are unsigned, and then the body-tampering fuzz test says so by failing.
 */
const unsignedBodyProviders: ReadonlySet<string> = new Set(['coincorner']);

/**
 * How to obtain a provider-signed notification from a sandbox, so that tests replay real notifications instead
 * of forging signatures: through the sandbox contract's `notificationFor`, which each sandbox keys as its
 * protocol does (GatePay and BonusPay by refund, CoinCorner by order). A provider that declares notifications
 * but whose sandbox cannot build them fails loudly instead of being skipped.
 */
export function sandboxNotifications(
  provider: string,
  sandbox: RunningSandbox,
  capabilities: RefundCapabilities,
): NotificationSource {
  if (!capabilities.notifications) {
    return { notApplicable: `${provider} declares no notifications (capabilities.notifications is false)` };
  }
  if (typeof sandbox.notificationFor !== 'function') {
    throw new Error(
      `${provider} declares notifications but its sandbox has no notificationFor(): add one to its ./sandbox`,
    );
  }
  const notificationFor = sandbox.notificationFor.bind(sandbox);
  return {
    build: (refund, wanted) =>
      notificationFor({ refundId: refund.refundId, orderId: refund.orderId }, wanted),
    signedBody: !unsignedBodyProviders.has(provider),
  };
}
