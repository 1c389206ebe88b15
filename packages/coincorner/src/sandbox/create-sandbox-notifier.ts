import type { NotificationInput } from '@refunds/core';
import { deliverNotification } from '@refunds/core/sandbox';

/**
 * CoinCorner's webhook: a POST of `{"OrderId","APIKey"}` on every order status change, resent up to 3 times
 * until the merchant answers HTTP 200. `close()` stops pending resends and waits for deliveries in progress.
 */
export function createSandboxNotifier(options: {
  apiKey: string;
  notificationUrl: string | undefined;
  retryDelaysMs: readonly number[];
}) {
  const closing = new AbortController();
  const deliveries = new Set<Promise<void>>();

  const webhookFor = (orderId: string): NotificationInput => ({
    body: JSON.stringify({ OrderId: orderId, APIKey: options.apiKey }),
    headers: { 'content-type': 'application/json' },
  });

  return {
    webhookFor,
    notify(orderId: string): Promise<void> {
      const url = options.notificationUrl;
      if (url === undefined || closing.signal.aborted) return Promise.resolve();
      const delivery = deliverNotification({
        url,
        body: webhookFor(orderId).body,
        headers: { 'content-type': 'application/json' },
        isAcknowledged: (status) => status === 200,
        retryDelaysMs: options.retryDelaysMs,
        signal: closing.signal,
      }).then(
        () => undefined,
        () => undefined,
      );
      deliveries.add(delivery);
      void delivery.then(() => deliveries.delete(delivery));
      return delivery;
    },
    async close(): Promise<void> {
      closing.abort();
      await Promise.all([...deliveries]);
    },
  };
}
