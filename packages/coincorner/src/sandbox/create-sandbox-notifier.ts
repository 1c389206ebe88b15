import { createSandboxNotifier as createDelivery } from '@refunds/core/sandbox';

/**
 * CoinCorner's webhook: a POST of `{"OrderId","APIKey"}` on every order status change, resent up to 3 times
 * until the merchant answers HTTP 200. `close()` stops pending resends and waits for deliveries in progress.
 */
export function createSandboxNotifier(options: {
  apiKey: string;
  notificationUrl: string | undefined;
  retryDelaysMs: readonly number[];
}) {
  const delivery = createDelivery({
    isAcknowledged: (status) => status === 200,
    retryDelaysMs: options.retryDelaysMs,
  });

  const webhookFor = (orderId: string) => ({
    body: JSON.stringify({ OrderId: orderId, APIKey: options.apiKey }),
    headers: { 'content-type': 'application/json' },
  });

  return {
    webhookFor,
    async notify(orderId: string): Promise<void> {
      const url = options.notificationUrl;
      if (url !== undefined) await delivery.post(url, webhookFor(orderId));
    },
    close: () => delivery.close(),
  };
}
