import bonusPayPlugin from '@refunds/bonuspay';
import bonusPaySandboxPlugin from '@refunds/bonuspay/sandbox';
import coinCornerPlugin from '@refunds/coincorner';
import coinCornerSandboxPlugin from '@refunds/coincorner/sandbox';
import type {
  DemoOrder,
  NotificationInput,
  RefundPlugin,
  RefundSandboxPlugin,
  RunningSandbox,
  SandboxStartOptions,
} from '@refunds/core';
import gatePayPlugin from '@refunds/gatepay';
import gatePaySandboxPlugin from '@refunds/gatepay/sandbox';
import iotPayPlugin from '@refunds/iotpay';
import iotPaySandboxPlugin from '@refunds/iotpay/sandbox';

/** Which notification the model asks a sandbox for: what it would say now, or a stale "still pending". */
export type ModelNotificationKind = 'current' | 'pending';

export interface ModelSandbox {
  /** The host account id the model refunds through, e.g. `gatepay:model`. */
  account: string;
  plugin: RefundPlugin;
  running: RunningSandbox;
  /** The plugin settings of every instance's provider: the sandbox's own, plus the model's choices. */
  settings: Record<string, unknown>;
  /** A paid order to copy (destination, provider options) when seeding the run's own orders. */
  template: DemoOrder;
  /**
   * A provider-signed notification about the refund as the sandbox would post it, or undefined when the
   * provider sends none (IOTPay) or has nothing to say about it yet.
   */
  notification(
    refund: { refundId: string; orderId: string },
    kind: ModelNotificationKind,
  ): NotificationInput | undefined;
}

interface SandboxSpecification {
  account: string;
  plugin: RefundPlugin;
  sandbox: RefundSandboxPlugin;
  /** Simulator options beyond the contract's; each sandbox reads its own from the same object. */
  sandboxOptions: Record<string, unknown>;
  settings: Record<string, unknown>;
  notification: (
    running: RunningSandbox,
    refund: { refundId: string; orderId: string },
    kind: ModelNotificationKind,
  ) => NotificationInput | undefined;
}

type NotificationFor = (key: string, status?: string) => NotificationInput;

const notificationFor = (running: RunningSandbox): NotificationFor =>
  (running as unknown as { notificationFor: NotificationFor }).notificationFor.bind(running);

/**
 * The four providers, each configured the way that is hardest on the host: GatePay and IOTPay told they honour
 * refund ids (so the host resends after a lost answer) while their simulators refuse a reused id, as the issue's
 * reproductions did; BonusPay, which honours them natively; CoinCorner, which has no refund id and must never be
 * resent blindly.
 */
const specifications: SandboxSpecification[] = [
  {
    account: 'gatepay:model',
    plugin: gatePayPlugin as RefundPlugin,
    sandbox: gatePaySandboxPlugin,
    sandboxOptions: { duplicateRefundRequestId: 'reject' },
    settings: { nativeIdempotency: true },
    notification: (running, { refundId }, kind) =>
      kind === 'pending'
        ? notificationFor(running)(refundId, 'REFUND_PROCESS')
        : notificationFor(running)(refundId),
  },
  {
    account: 'iotpay:model',
    plugin: iotPayPlugin as RefundPlugin,
    sandbox: iotPaySandboxPlugin,
    sandboxOptions: { duplicateRefundNo: 'reject' },
    settings: { nativeIdempotency: true },
    // IOTPay sends no refund notifications.
    notification: () => undefined,
  },
  {
    account: 'bonuspay:model',
    plugin: bonusPayPlugin as RefundPlugin,
    sandbox: bonusPaySandboxPlugin,
    sandboxOptions: {},
    settings: {},
    // Without a status BonusPay's sandbox answers only once the refund has settled.
    notification: (running, { refundId }, kind) =>
      kind === 'pending' ? notificationFor(running)(refundId, 'CREATED') : notificationFor(running)(refundId),
  },
  {
    account: 'coincorner:model',
    plugin: coinCornerPlugin as RefundPlugin,
    sandbox: coinCornerSandboxPlugin,
    sandboxOptions: {},
    settings: {},
    // The webhook names only the order and carries no status: the provider reads it from CheckOrder.
    notification: (running, { orderId }) => notificationFor(running)(orderId),
  },
];

export interface ModelSandboxes {
  sandboxes: ModelSandbox[];
  close(): Promise<void>;
}

/**
 * Starts every provider's simulator once for a whole suite (BonusPay's key generation alone takes seconds); each
 * run seeds orders of its own and resets faults and read lag. No notification URL: the model delivers the
 * sandboxes' signed notifications itself, when and as often as it chooses.
 */
export async function startRefundModelSandboxes(settleAfterMs: number): Promise<ModelSandboxes> {
  const started = await Promise.allSettled(
    specifications.map(async (specification): Promise<ModelSandbox> => {
      const options: SandboxStartOptions = { settleAfterMs, ...specification.sandboxOptions };
      const running = await specification.sandbox.start(options);
      const [template] = await running.seedDemoOrders();
      if (!template) throw new Error(`${specification.account}: the sandbox seeded no demo order`);
      return {
        account: specification.account,
        plugin: specification.plugin,
        running,
        settings: { ...running.settings, ...specification.settings },
        template,
        notification(refund, kind) {
          try {
            return specification.notification(running, refund, kind);
          } catch {
            // The sandbox never executed this refund (or has not settled it yet): nothing to notify about.
            return undefined;
          }
        },
      };
    }),
  );
  const sandboxes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const close = async () => {
    await Promise.allSettled(sandboxes.map((sandbox) => sandbox.running.close()));
  };
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length > 0) {
    await close();
    throw new Error(`A provider sandbox did not start: ${String(failures[0])}`, { cause: failures[0] });
  }
  return { sandboxes, close };
}
