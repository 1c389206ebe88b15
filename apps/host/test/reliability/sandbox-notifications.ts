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
      /**
       * Whether a signature covers the body, so that any change to it must be refused: the sandbox contract's
       * `notificationBodySigned` (absent means signed, the stricter rule).
       */
      signedBody: boolean;
    }
  | { notApplicable: string };

/**
 * How to obtain a provider-signed notification from a sandbox, so that tests replay real notifications instead
 * of forging signatures: through the sandbox contract's `notificationFor`, which each sandbox keys as its
 * protocol does (GatePay and BonusPay by refund, CoinCorner by order), and whether its signature covers the body
 * through the contract's `notificationBodySigned`, so a fifth provider needs no entry here. A provider that
 * declares notifications but whose sandbox cannot build them fails loudly instead of being skipped.
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
    signedBody: sandbox.notificationBodySigned ?? true,
  };
}
