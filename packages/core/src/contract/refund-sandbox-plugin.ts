import type { Money } from '../money/money';
import type { NotificationInput, RefundDestination, RefundStatus } from './refund-provider-v1';

/**
 * The default export of a provider's `./sandbox` entry: starts the provider's simulator so that the host's
 * sandbox mode and cross-provider tests can run any installed provider without knowing it.
 */
export interface RefundSandboxPlugin {
  readonly specificationVersion: 'refunds-v1';
  readonly id: string;
  start(options?: SandboxStartOptions): Promise<RunningSandbox>;
}

export interface SandboxStartOptions {
  /** Where the sandbox posts refund notifications, for providers that send them. */
  notificationUrl?: string;
  /** How long a refund stays pending before the sandbox settles it. */
  settleAfterMs?: number;
  /**
   * How long a refund stays invisible to status queries after it was executed, as a provider whose read side
   * lags its writes: queries answer "does not exist" meanwhile. 0 (the default) shows it at once.
   */
  readLagMs?: number;
}

export interface RunningSandbox {
  readonly url: string;
  /** Settings (secrets included) for the plugin's `create`, pointing at this sandbox. */
  readonly settings: Record<string, unknown>;
  /**
   * A path fragment that only the refund request's path contains, for a fault that must hit the refund itself
   * rather than a read the client makes before it (CoinCorner checks the order first). Absent: every request
   * is the refund's.
   */
  readonly refundPath?: string;
  /** Seeds paid orders a user can refund, described for people reading a demo. */
  seedDemoOrders(): Promise<DemoOrder[]>;
  /** Seeds one paid order of the given amount. */
  seedOrder(input: { amount: Money }): Promise<DemoOrder>;
  /** Every refund the simulated provider executed, in order: the ground truth that tests count. */
  executedRefunds(): readonly SandboxRefundRecord[];
  /** Settles every pending refund now instead of after the delay. */
  settleAll(): Promise<void>;
  /** Changes `readLagMs` for refunds executed from now on. */
  setReadLag(ms: number): void;
  injectFault(rule: SandboxFaultRule): void;
  clearFaults(): void;
  close(): Promise<void>;
  /**
   * A notification as the provider signs it, for a refund the sandbox executed: `latest`, the exact bytes it
   * posted last (a redelivery is byte for byte a duplicate), or `pending`, a freshly signed one reporting the
   * refund as still pending (a late, out-of-order notification). Present exactly when the provider sends
   * notifications, so a host or a test replays real notifications for any provider without knowing it.
   * Throws when the sandbox has no such refund or has not notified it yet.
   */
  notificationFor?(subject: SandboxNotificationSubject, wanted?: WantedNotification): NotificationInput;
  /**
   * Whether the signature of a notification covers its whole body, so that a verifier must refuse a body with
   * any byte changed: true for providers that sign the body (GatePay, BonusPay); false where the body carries no
   * signature over it (CoinCorner's webhook is `{"OrderId","APIKey"}`, authenticated by the API key inside it,
   * and states no status: the receiver reads that from CheckOrder, so a changed byte elsewhere may still verify).
   * Set beside `notificationFor`, so a host or a test knows which tampering a provider must refuse without
   * knowing the provider. Absent: true, the stricter rule.
   */
  readonly notificationBodySigned?: boolean;
}

/** The refund a notification is about: providers key their notifications by one or the other. */
export interface SandboxNotificationSubject {
  refundId: string;
  orderId: string;
}

/** Which notification: the latest one posted as it was posted (the default), or one reporting `pending`. */
export type WantedNotification = 'latest' | 'pending';

export interface DemoOrder {
  orderId: string;
  amount: Money;
  destination?: RefundDestination;
  providerOptions?: Record<string, unknown>;
  description: string;
}

export interface SandboxRefundRecord {
  orderId: string;
  /** The merchant refund id, where the provider has one. */
  refundId?: string;
  providerRefundId?: string;
  amount: string;
  status: RefundStatus;
}

/** Faults the loopback harness can inject, at the transport level, into a sandbox's next matching request. */
export type SandboxFault =
  /** Delays the response after the handler has run (and committed). */
  | { kind: 'latency'; ms: number }
  /** Destroys the connection before the handler runs: the provider never saw the request. */
  | { kind: 'reset-before-commit' }
  /** Runs the handler (state changes), then destroys the connection without answering. */
  | { kind: 'reset-after-commit' }
  /** Answers with this status without running the handler. */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Runs the handler, then answers with a body that is not what the protocol promises. */
  | { kind: 'malformed-body' }
  /** Runs the handler, then strips the response signature. */
  | { kind: 'unsigned-body' }
  /** Runs the handler, then corrupts the response signature. */
  | { kind: 'tampered-signature' };

export interface SandboxFaultRule {
  fault: SandboxFault;
  /** Only requests whose path contains this string; every request when absent. */
  path?: string;
  /** How many matching requests the fault applies to; 1 when absent. */
  times?: number;
}
