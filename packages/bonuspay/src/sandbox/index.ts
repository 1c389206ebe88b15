export {
  type BonusPaySandboxOptions,
  bonusPaySandboxDefaults,
  type SandboxRefundOutcome,
} from './bonuspay-sandbox-options';
export { default } from './bonuspay-sandbox-plugin';
export {
  type BonusPaySandbox,
  type BonusPaySandboxSettings,
  createBonusPaySandbox,
} from './create-bonuspay-sandbox';
export {
  generateSandboxKeyPairs,
  type SandboxKeyPair,
  type SandboxKeyPairs,
} from './generate-sandbox-key-pairs';
export type { SandboxRefundStatus } from './sandbox-ledger';
export type { SandboxDelivery } from './sandbox-notifier';
export type { BonusPayDemoOrder, BonusPaySandboxOrderInput } from './seed-sandbox-order';
