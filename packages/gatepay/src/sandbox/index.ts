export { createGatePaySandbox, type GatePaySandbox } from './create-gatepay-sandbox';
export type { SandboxOrderKind, SeedOrderInput } from './create-sandbox-ledger';
export type { GatePaySandboxNotification, RefundBizStatus } from './create-sandbox-notifier';
export type { GatePaySandboxOptions } from './gatepay-sandbox-options';
export { default } from './gatepay-sandbox-plugin';
