export { runCli } from './cli/run-cli';
export type {
  AccountConfig,
  ApiKeyConfig,
  HostConfig,
  RouteRule,
  SecretReference,
} from './config/host-config';
export { findDefaultConfig, loadConfig } from './config/load-config';
export { createHost, type Host, type HostOptions } from './create-host';
export type { ApiKeyRole, NamedApiKey } from './http/api-keys';
export { createLedger } from './ledger/create-ledger';
export type { Ledger, RefundCount, RefundRecord, RefundState } from './ledger/ledger';
export { startSandboxAccounts } from './plugins/start-sandbox-accounts';
