import { deliverNotification } from '@refunds/core/sandbox';
import type { SandboxNotification } from './build-sandbox-notification';

export interface SandboxDelivery {
  notifyId: string;
  refundMerchantOrderNo: string;
  url: string;
  attempts: number;
  acknowledged: boolean;
}

/**
 * Posts callbacks the way BonusPay does: once now, then on the retry schedule until the merchant answers
 * HTTP 200 with `SUCCESS`. Every redelivery carries the same bytes and `notify_id`. `close` cancels the
 * schedule and any post in flight.
 */
const attemptTimeoutMs = 5_000;

export function createSandboxNotifier(retryDelaysMs: readonly number[]) {
  const closing = new AbortController();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const deliveries: SandboxDelivery[] = [];

  const attempt = (notification: SandboxNotification, delivery: SandboxDelivery): Promise<boolean> => {
    delivery.attempts += 1;
    // One attempt per call: the schedule is kept here so that closing the sandbox can cancel it.
    return deliverNotification({
      url: delivery.url,
      headers: notification.headers,
      body: notification.body,
      isAcknowledged: (status, body) => status === 200 && body.trim() === 'SUCCESS',
      retryDelaysMs: [],
      // A merchant that never answers counts as a failed attempt, as at BonusPay, instead of stalling settleAll.
      signal: AbortSignal.any([closing.signal, AbortSignal.timeout(attemptTimeoutMs)]),
    });
  };

  const scheduleRetry = (notification: SandboxNotification, delivery: SandboxDelivery, retry: number) => {
    const delay = retryDelaysMs[retry];
    if (delay === undefined || closing.signal.aborted) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      delivery.acknowledged = await attempt(notification, delivery);
      if (!delivery.acknowledged) scheduleRetry(notification, delivery, retry + 1);
    }, delay);
    timers.add(timer);
  };

  return {
    /** Resolves after the first attempt; redeliveries continue in the background. */
    async send(notification: SandboxNotification, url: string): Promise<void> {
      if (closing.signal.aborted) return;
      const delivery: SandboxDelivery = {
        notifyId: notification.notifyId,
        refundMerchantOrderNo: notification.refundMerchantOrderNo,
        url,
        attempts: 0,
        acknowledged: false,
      };
      deliveries.push(delivery);
      delivery.acknowledged = await attempt(notification, delivery);
      if (!delivery.acknowledged) scheduleRetry(notification, delivery, 0);
    },
    deliveries: (): readonly SandboxDelivery[] => deliveries,
    close(): void {
      closing.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type SandboxNotifier = ReturnType<typeof createSandboxNotifier>;
