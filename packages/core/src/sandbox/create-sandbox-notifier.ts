import { setMaxListeners } from 'node:events';
import { deliverNotification } from './deliver-notification';

export interface SandboxNotifierOptions {
  /** Whether the merchant's reply acknowledges the notification, by the provider's rule. */
  isAcknowledged(status: number, body: string): boolean;
  /** Delays before each redelivery, the provider's schedule compressed for tests. */
  retryDelaysMs: readonly number[];
  /** How long one delivery may take before it counts as unanswered. Default 5 000 ms. */
  attemptTimeoutMs?: number;
}

export interface SandboxNotifier {
  /**
   * Posts the notification until acknowledged or the schedule runs out; resolves with whether it was
   * acknowledged (false at once after `close`).
   */
  post(
    url: string,
    notification: { headers: Record<string, string>; body: string | Uint8Array },
    /** Told after each attempt whether it was acknowledged. */
    onAttempt?: (acknowledged: boolean) => void,
  ): Promise<boolean>;
  /** Waits for every delivery under way, so `settleAll` can promise the merchant has been told. */
  idle(): Promise<void>;
  /** Stops every redelivery and waits for posts in flight: a closed sandbox must not post any more. */
  close(): Promise<void>;
}

/** The delivery side every sandbox shares; each provider only builds and signs its own notification. */
export function createSandboxNotifier(options: SandboxNotifierOptions): SandboxNotifier {
  const closing = new AbortController();
  // Each delivery in flight listens for the close until its attempt ends: a burst of refunds means many at
  // once, which is no leak (Node warns past 10).
  setMaxListeners(0, closing.signal);
  const deliveries = new Set<Promise<boolean>>();
  return {
    post(url, notification, onAttempt) {
      if (closing.signal.aborted) return Promise.resolve(false);
      const delivery = deliverNotification({
        url,
        headers: notification.headers,
        body: notification.body,
        isAcknowledged: options.isAcknowledged,
        retryDelaysMs: options.retryDelaysMs,
        attemptTimeoutMs: options.attemptTimeoutMs,
        signal: closing.signal,
        onAttempt,
      }).catch(() => false);
      deliveries.add(delivery);
      void delivery.then(() => deliveries.delete(delivery));
      return delivery;
    },
    async idle() {
      await Promise.all([...deliveries]);
    },
    async close() {
      closing.abort();
      await Promise.all([...deliveries]);
    },
  };
}
