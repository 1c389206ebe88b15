export {
  type DiscoveredProvider,
  type DiscoverProvidersOptions,
  discoverProviders,
  type ProviderDiscovery,
} from './discover-providers';
export { type LoadAccountsOptions, type LoadedAccount, loadAccounts } from './load-accounts';
export {
  type SandboxAccounts,
  type StartSandboxAccountsOptions,
  startSandboxAccounts,
} from './start-sandbox-accounts';
