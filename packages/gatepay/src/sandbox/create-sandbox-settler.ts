import { subtractAmounts } from '@refunds/core';
import type { SandboxLedger, SandboxRefund } from './create-sandbox-ledger';
import type { SandboxNotifier } from './create-sandbox-notifier';
import type { GatePaySandboxOptions } from './gatepay-sandbox-options';

export interface SandboxSettler {
  /** Settles the refund after the delay, as GatePay finishes a refund some time after accepting it. */
  schedule(refund: SandboxRefund): void;
  settleAll(): Promise<void>;
  /** Stops every pending settlement. */
  close(): void;
}

/** Moves refunds from PROCESS to SUCCESS or FAIL, firing the PAY_REFUND notification each time. */
export function createSandboxSettler(
  ledger: SandboxLedger,
  notifier: SandboxNotifier,
  options: { settleAfterMs: number; settleAs: NonNullable<GatePaySandboxOptions['settleAs']> },
): SandboxSettler {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const settle = async (refund: SandboxRefund): Promise<void> => {
    clearTimeout(timers.get(refund.refundRequestId));
    timers.delete(refund.refundRequestId);
    const order = ledger.orders.get(refund.prepayId);
    if (refund.status !== 'PROCESS' || !order) return;
    const { refundRequestId, prepayId } = refund;
    refund.status = options.settleAs({
      refundRequestId,
      prepayId,
      amount: refund.amount ?? refund.payAmount ?? '',
    });
    refund.transactTime = Date.now();
    if (refund.status === 'FAIL') {
      // A rejected refund gives its amount back to the order.
      if (refund.amount) order.refundedAmount = subtractAmounts(order.refundedAmount, refund.amount);
      if (refund.payAmount)
        order.refundedPayAmount = subtractAmounts(order.refundedPayAmount, refund.payAmount);
    }
    await notifier.notify(order, refund, refund.status === 'SUCCESS' ? 'REFUND_SUCCESS' : 'REFUND_REJECTED');
  };

  return {
    schedule(refund) {
      const timer = setTimeout(() => void settle(refund), options.settleAfterMs);
      // A pending refund must not keep a test process or the host alive.
      timer.unref?.();
      timers.set(refund.refundRequestId, timer);
    },
    async settleAll() {
      await Promise.all([...ledger.refunds.values()].map(settle));
      await notifier.idle();
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
