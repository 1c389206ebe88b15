import type { NotificationInput, RefundCapabilities, RunningSandbox } from '@refunds/core';

/** Which notification a test wants: the provider's latest one as it posted it, or one reporting `pending`. */
export type WantedNotification = 'latest' | 'pending';

export type NotificationSource =
  | {
      build(refund: { refundId: string; orderId: string }, wanted: WantedNotification): NotificationInput;
      /** Whether a signature covers the body, so that any change to it must be refused. */
      signedBody: boolean;
    }
  | { notApplicable: string };

type NotificationFor = (key: string, status?: string) => NotificationInput;

/**
 * How to obtain a provider-signed notification from each sandbox, so that tests replay real notifications
 * instead of forging signatures. The sandboxes' builders differ because the protocols do: GatePay and BonusPay
 * notifications name the refund and carry a status; CoinCorner's webhook names only the order and carries no
 * status (the provider reads it from CheckOrder); IOTPay sends none. A provider that declares notifications
 * but is missing here fails loudly instead of being skipped.
 */
export function sandboxNotifications(
  provider: string,
  sandbox: RunningSandbox,
  capabilities: RefundCapabilities,
): NotificationSource {
  if (!capabilities.notifications) {
    return { notApplicable: `${provider} declares no notifications (capabilities.notifications is false)` };
  }
  const notificationFor = (sandbox as unknown as { notificationFor?: NotificationFor }).notificationFor;
  if (typeof notificationFor !== 'function') {
    throw new Error(
      `${provider} declares notifications but its sandbox has no notificationFor(): add one to its ./sandbox`,
    );
  }
  const signed = notificationFor.bind(sandbox);
  switch (provider) {
    case 'gatepay':
      return {
        build: ({ refundId }, wanted) =>
          wanted === 'pending' ? signed(refundId, 'REFUND_PROCESS') : latestGatePay(sandbox, refundId),
        signedBody: true,
      };
    case 'bonuspay':
      return {
        build: ({ refundId }, wanted) =>
          wanted === 'pending' ? signed(refundId, 'CREATED') : signed(refundId),
        signedBody: true,
      };
    case 'coincorner':
      // The webhook has no status to be stale: whenever it arrives, the provider reads the order's status now.
      // It is not signed either: the APIKey inside authenticates it, and the status comes from CheckOrder.
      return { build: ({ orderId }) => signed(orderId), signedBody: false };
    default:
      throw new Error(
        `${provider} declares notifications, but the reliability suite does not know how its sandbox's ` +
          'notificationFor() is keyed: add it to sandbox-notifications.ts',
      );
  }
}

/** The exact bytes GatePay posted last for this refund, so a redelivery is byte-for-byte a duplicate. */
function latestGatePay(sandbox: RunningSandbox, refundId: string): NotificationInput {
  const sent = (
    sandbox as unknown as {
      notifications(): readonly { refundRequestId: string; headers: Record<string, string>; body: string }[];
    }
  )
    .notifications()
    .filter((notification) => notification.refundRequestId === refundId)
    .at(-1);
  if (!sent) throw new Error(`The GatePay sandbox has not sent a notification about ${refundId} yet`);
  return { body: sent.body, headers: { ...sent.headers } };
}
