import { createSettleClock } from '@refunds/core/sandbox';
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
  const settle = async (refund: SandboxRefund): Promise<void> => {
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
      ledger.giveBack(order, refund);
    }
    await notifier.notify(order, refund, refund.status === 'SUCCESS' ? 'REFUND_SUCCESS' : 'REFUND_REJECTED');
  };

  const clock = createSettleClock<SandboxRefund>({ settleAfterMs: options.settleAfterMs, settle });
  return {
    schedule: (refund) => clock.schedule(refund),
    async settleAll() {
      await clock.settleAll(ledger.refunds.values());
      await notifier.idle();
    },
    close: () => clock.close(),
  };
}
