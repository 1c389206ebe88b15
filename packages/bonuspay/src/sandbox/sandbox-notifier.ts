import { createSandboxNotifier as createDelivery } from '@refunds/core/sandbox';
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
 * HTTP 200 with `SUCCESS`. Every redelivery carries the same bytes and `notify_id`; a merchant that never answers
 * counts as a failed attempt, as at BonusPay. `close` cancels the schedule and any post in flight.
 */
export function createSandboxNotifier(retryDelaysMs: readonly number[]) {
  const delivery = createDelivery({
    retryDelaysMs,
    isAcknowledged: (status, body) => status === 200 && body.trim() === 'SUCCESS',
  });
  const deliveries: SandboxDelivery[] = [];
  return {
    /** Resolves after the first attempt; redeliveries continue in the background. */
    send(notification: SandboxNotification, url: string): Promise<void> {
      const record: SandboxDelivery = {
        notifyId: notification.notifyId,
        refundMerchantOrderNo: notification.refundMerchantOrderNo,
        url,
        attempts: 0,
        acknowledged: false,
      };
      deliveries.push(record);
      return new Promise((resolve) => {
        const posted = delivery.post(url, notification, (acknowledged) => {
          record.attempts += 1;
          record.acknowledged = acknowledged;
          resolve();
        });
        // Closed before the first attempt, or gave up: nothing more to wait for.
        void posted.then(() => resolve());
      });
    },
    deliveries: (): readonly SandboxDelivery[] => deliveries,
    close(): void {
      void delivery.close();
    },
  };
}

export type SandboxNotifier = ReturnType<typeof createSandboxNotifier>;
