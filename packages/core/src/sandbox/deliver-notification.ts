export interface NotificationDelivery {
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Whether the merchant's reply counts as an acknowledgement, by the provider's rule. */
  isAcknowledged(status: number, body: string): boolean;
  /** Delays before each redelivery; providers retry on a schedule, compressed here for tests. */
  retryDelaysMs?: readonly number[];
  /** How long one delivery may take before it counts as unanswered. Default 5 000 ms. */
  attemptTimeoutMs?: number;
  /** Stops redelivery at once, e.g. when the sandbox closes. */
  signal?: AbortSignal;
  /** Told after each attempt whether it was acknowledged, e.g. to count a provider's delivery attempts. */
  onAttempt?: (acknowledged: boolean) => void;
}

/** Posts a provider notification the way providers do: until acknowledged or the schedule runs out. */
export async function deliverNotification(delivery: NotificationDelivery): Promise<boolean> {
  const delays = [0, ...(delivery.retryDelaysMs ?? [50, 200, 1_000])];
  for (const delay of delays) {
    if (delay > 0 && !(await wait(delay, delivery.signal))) return false;
    if (delivery.signal?.aborted) return false;
    const attempt = new AbortController();
    const timer = setTimeout(() => attempt.abort(), delivery.attemptTimeoutMs ?? 5_000);
    const stop = () => attempt.abort();
    delivery.signal?.addEventListener('abort', stop, { once: true });
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body as BodyInit,
        signal: attempt.signal,
      });
      const acknowledged = delivery.isAcknowledged(response.status, await response.text());
      delivery.onAttempt?.(acknowledged);
      if (acknowledged) return true;
    } catch {
      // An unreachable or slow merchant is retried on the schedule, like the real providers do.
      delivery.onAttempt?.(false);
    } finally {
      clearTimeout(timer);
      delivery.signal?.removeEventListener('abort', stop);
    }
  }
  return false;
}

/** Resolves true after the delay, or false as soon as the signal aborts. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(true), ms);
    const abort = () => finish(false);
    signal?.addEventListener('abort', abort, { once: true });
    function finish(completed: boolean) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      resolve(completed);
    }
  });
}
