import {
  type DemoOrder,
  providerAccountIdPattern,
  type RefundPlugin,
  type RefundSandboxPlugin,
  type RunningSandbox,
} from '@refunds/core';
import type { HostConfig, SecretReference } from '../config/host-config';
import { type DiscoveredProvider, discoverProviders } from './discover-providers';
import { environmentVariableName } from './environment-variable-name';

export interface StartSandboxAccountsOptions {
  /** Where each account's sandbox posts notifications, e.g. the host's `/v1/notifications/:account`. */
  notificationUrl: (accountId: string) => string;
  /** How long sandbox refunds stay pending; each sandbox's own default when absent. */
  settleAfterMs?: number;
  /**
   * Each account's settle window (`reconciliation.settleWindowMs` in the config). A sandbox's read side lags only
   * when asked, so the providers' real windows of minutes would only slow a demo down. 2 s when absent.
   */
  settleWindowMs?: number;
  /** Imports provider packages by specifier. Default: dynamic `import()` from the host. */
  importModule?: (specifier: string) => Promise<unknown>;
  /** `node_modules` folders to search. Default: every folder Node searches from the host. */
  searchPaths?: readonly string[];
}

export interface SandboxAccounts {
  /**
   * One account `<provider>:sandbox` per started sandbox. Secret settings are not inline (the config forbids
   * that) but `{ env }` references into `environment`. `routes` is empty: demo orders of two providers may
   * share a currency, and a currency rule would then send one provider's refunds to the other, so callers
   * name the account.
   */
  config: HostConfig;
  /** The generated `REFUNDS_SANDBOX_<PROVIDER>_<SETTING>` variables: `loadAccounts`' `environment`. */
  environment: Record<string, string>;
  sandboxes: Map<string, RunningSandbox>;
  demoOrders: Map<string, DemoOrder[]>;
  /** Every secret setting value, for the caller's redactor. */
  secretValues: string[];
  /** Providers skipped and why, for the caller to log. */
  warnings: string[];
  /** Closes every sandbox; safe to call more than once. */
  close(): Promise<void>;
}

interface SandboxProvider {
  packageName: string;
  plugin: RefundPlugin;
  sandbox: RefundSandboxPlugin;
}

interface StartedAccount {
  accountId: string;
  provider: SandboxProvider;
  running: RunningSandbox;
  demoOrders: DemoOrder[];
}

/**
 * Sandbox mode: starts the simulator of every installed provider in-process, seeds its demo orders and
 * returns a config pointing an account at each. A provider whose sandbox fails is skipped with a warning.
 */
export async function startSandboxAccounts(options: StartSandboxAccountsOptions): Promise<SandboxAccounts> {
  const discovery = await discoverProviders({
    ...(options.importModule === undefined ? {} : { importModule: options.importModule }),
    ...(options.searchPaths === undefined ? {} : { searchPaths: options.searchPaths }),
  });
  const warnings = [...discovery.warnings];
  const selected = selectProviders(discovery.providers, warnings);

  const results = await Promise.all(selected.map((provider) => startAccount(provider, options, warnings)));
  const started = results.filter((account) => account !== undefined);

  const config: HostConfig = { accounts: {}, routes: [] };
  const environment: Record<string, string> = {};
  const sandboxes = new Map<string, RunningSandbox>();
  const demoOrders = new Map<string, DemoOrder[]>();
  const secretValues: string[] = [];
  for (const account of started) {
    const secretSettings = new Set<string>(account.provider.plugin.secretSettings);
    const settings: Record<string, unknown> = {};
    const secrets: Record<string, SecretReference> = {};
    for (const [key, value] of Object.entries(account.running.settings)) {
      if (!secretSettings.has(key)) {
        settings[key] = value;
        continue;
      }
      const variable = environmentVariableName('REFUNDS_SANDBOX', providerOf(account.accountId), key);
      // A non-string secret cannot travel through the environment; the plugin's schema says what it needs.
      const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
      environment[variable] = text;
      secrets[key] = { env: variable };
      secretValues.push(text);
    }
    config.accounts[account.accountId] = {
      package: account.provider.packageName,
      settings,
      secrets,
      reconciliation: { settleWindowMs: options.settleWindowMs ?? 2_000 },
    };
    sandboxes.set(account.accountId, account.running);
    demoOrders.set(account.accountId, account.demoOrders);
  }
  // Sandboxes start in parallel; sorted so the same install always logs the same way.
  warnings.sort();
  if (started.length === 0) warnings.push('no provider sandbox could be started');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= Promise.allSettled(started.map((account) => account.running.close())).then(() => undefined);
    return closing;
  };
  return { config, environment, sandboxes, demoOrders, secretValues, warnings, close };
}

function selectProviders(providers: readonly DiscoveredProvider[], warnings: string[]): SandboxProvider[] {
  const byId = new Map<string, SandboxProvider>();
  for (const { packageName, plugin, sandbox } of providers) {
    if (sandbox === undefined) continue; // Discovery already said why.
    const provider = { packageName, plugin, sandbox };
    const accountId = `${provider.plugin.id}:sandbox`;
    if (!providerAccountIdPattern.test(accountId)) {
      warnings.push(
        `skipped ${provider.packageName}: plugin id "${provider.plugin.id}" cannot name an account`,
      );
      continue;
    }
    const other = byId.get(provider.plugin.id);
    if (other !== undefined) {
      warnings.push(
        `skipped ${provider.packageName}: ${other.packageName} already provides plugin "${provider.plugin.id}"`,
      );
      continue;
    }
    byId.set(provider.plugin.id, provider);
  }
  return [...byId.values()];
}

async function startAccount(
  provider: SandboxProvider,
  options: StartSandboxAccountsOptions,
  warnings: string[],
): Promise<StartedAccount | undefined> {
  const accountId = `${provider.plugin.id}:sandbox`;
  let running: RunningSandbox;
  try {
    running = await provider.sandbox.start({
      notificationUrl: options.notificationUrl(accountId),
      ...(options.settleAfterMs === undefined ? {} : { settleAfterMs: options.settleAfterMs }),
    });
  } catch (error) {
    warnings.push(`skipped ${provider.packageName}: its sandbox did not start (${describe(error)})`);
    return undefined;
  }
  try {
    const demoOrders = await running.seedDemoOrders();
    return { accountId, provider, running, demoOrders };
  } catch (error) {
    warnings.push(`skipped ${provider.packageName}: seeding its demo orders failed (${describe(error)})`);
    await running.close().catch(() => undefined);
    return undefined;
  }
}

function providerOf(accountId: string): string {
  return accountId.slice(0, accountId.indexOf(':'));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
