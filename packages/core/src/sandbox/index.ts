export { type BalanceLedger, createBalanceLedger, type LedgerOrder } from './create-balance-ledger';
export {
  createLoopbackServer,
  type LoopbackRequest,
  type LoopbackResponse,
  type LoopbackServer,
  type LoopbackServerOptions,
} from './create-loopback-server';
export {
  createSandboxNotifier,
  type SandboxNotifier,
  type SandboxNotifierOptions,
} from './create-sandbox-notifier';
export { createSettleClock, type SettleClock } from './create-settle-clock';
export { deliverNotification, type NotificationDelivery } from './deliver-notification';
