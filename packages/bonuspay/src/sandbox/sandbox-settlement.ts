import type { NotificationInput } from '@refunds/core';
import { createSettleClock } from '@refunds/core/sandbox';
import type { BonusPaySandboxOptions } from './bonuspay-sandbox-options';
import { bonusPaySandboxDefaults } from './bonuspay-sandbox-options';
import { buildSandboxNotification, type SandboxNotification } from './build-sandbox-notification';
import type { SandboxLedger, SandboxRefund, SandboxRefundStatus } from './sandbox-ledger';
import type { SandboxNotifier } from './sandbox-notifier';

export interface SandboxSettlementContext {
  ledger: SandboxLedger;
  notifier: SandboxNotifier;
  partnerId: string;
  platformPrivateKey: string;
  options: BonusPaySandboxOptions;
}

const isFinal = (refund: SandboxRefund) => refund.status === 'SUCCESS' || refund.status === 'FAILURE';

/**
 * Moves refunds from CREATED to their final status after `settleAfterMs` (optionally through PayBy's
 * REFUNDED_SETTLED) and sends the signed callback of each change. Timers die with `close`.
 */
export function createSandboxSettlement(context: SandboxSettlementContext) {
  const { ledger, notifier, options } = context;
  const notifications = new Map<string, SandboxNotification>();

  const build = (refund: SandboxRefund): SandboxNotification =>
    buildSandboxNotification(refund, {
      notifyId: ledger.nextNumber(),
      partnerId: context.partnerId,
      platformPrivateKey: context.platformPrivateKey,
      shape: options.notificationShape ?? 'flat',
      amountScale: options.notificationAmountScale ?? bonusPaySandboxDefaults.notificationAmountScale,
    });

  const notify = async (refund: SandboxRefund): Promise<void> => {
    const notification = build(refund);
    notifications.set(refund.refundMerchantOrderNo, notification);
    // Only this machine is ever posted to: a refund's notifyUrl elsewhere falls back to notificationUrl.
    const url =
      refund.notifyUrl && isLoopbackUrl(refund.notifyUrl) ? refund.notifyUrl : options.notificationUrl;
    if (url !== undefined) await notifier.send(notification, url);
  };

  // settleAll (`now`) settles for good; a timer may first pass through PayBy's REFUNDED_SETTLED.
  const settle = async (refund: SandboxRefund, { now }: { now: boolean }): Promise<void> => {
    if (isFinal(refund)) return;
    if (options.passThroughSettled && refund.status === 'CREATED' && !now) {
      refund.status = 'REFUNDED_SETTLED';
      clock.schedule(refund);
      return notify(refund);
    }
    const { amount, currency } = refund.amount;
    const outcome = options.settleAs?.({
      refundMerchantOrderNo: refund.refundMerchantOrderNo,
      amount,
      currency,
    });
    if (outcome === undefined || outcome === 'SUCCESS') refund.status = 'SUCCESS';
    else ledger.fail(refund, outcome);
    return notify(refund);
  };

  const clock = createSettleClock<SandboxRefund>({
    settleAfterMs: options.settleAfterMs ?? bonusPaySandboxDefaults.settleAfterMs,
    settle,
  });

  return {
    schedule: (refund: SandboxRefund) => clock.schedule(refund),
    /** Settles every open refund now; resolves once each callback's first delivery attempt is done. */
    async settleAll(): Promise<void> {
      await clock.settleAll(ledger.refunds().filter((refund) => !isFinal(refund)));
    },
    /**
     * The latest notification of a refund, exactly as posted; or, given a `status`, a freshly signed one
     * reporting that status (a new notify_id), for tests of late and out-of-order callbacks.
     */
    notificationFor(refundMerchantOrderNo: string, status?: SandboxRefundStatus): NotificationInput {
      if (status !== undefined) {
        const refund = ledger.refundByMerchantOrderNo(refundMerchantOrderNo);
        if (!refund) throw new Error(`The BonusPay sandbox has no refund ${refundMerchantOrderNo}.`);
        const built = build({ ...refund, status });
        return { body: built.body, headers: { ...built.headers } };
      }
      const notification = notifications.get(refundMerchantOrderNo);
      if (!notification)
        throw new Error(`No notification yet for refund ${refundMerchantOrderNo}: settle it first.`);
      return { body: notification.body, headers: { ...notification.headers } };
    },
    close: () => clock.close(),
  };
}

function isLoopbackUrl(value: string): boolean {
  try {
    const { hostname } = new URL(value);
    return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
  } catch {
    return false;
  }
}
