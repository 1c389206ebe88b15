export interface NotificationDelivery {
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Whether the merchant's reply counts as an acknowledgement, by the provider's rule. */
  isAcknowledged(status: number, body: string): boolean;
  /** Delays before each redelivery; providers retry on a schedule, compressed here for tests. */
  retryDelaysMs?: readonly number[];
  /** Stops redelivery, e.g. when the sandbox closes. */
  signal?: AbortSignal;
}

/** Posts a provider notification the way providers do: until acknowledged or the schedule runs out. */
export async function deliverNotification(delivery: NotificationDelivery): Promise<boolean> {
  const delays = [0, ...(delivery.retryDelaysMs ?? [50, 200, 1_000])];
  for (const delay of delays) {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (delivery.signal?.aborted) return false;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body as BodyInit,
        signal: delivery.signal,
      });
      if (delivery.isAcknowledged(response.status, await response.text())) return true;
    } catch {
      // An unreachable merchant is retried on the schedule, like the real providers do.
    }
  }
  return false;
}
