import { readFile as readFileFromDisk } from 'node:fs/promises';
import {
  createRedactor,
  type HttpHooks,
  type PluginContext,
  type ReconciliationHints,
  type RefundPlugin,
  type RefundProviderV1,
} from '@refunds/core';
import type { AccountConfig, HostConfig } from '../config/host-config';
import { HostConfigError, type HostConfigProblem } from '../config/host-config-error';
import { parseHostConfig } from '../config/parse-host-config';
import { describeImportFailure } from './describe-import-failure';
import { environmentVariableName } from './environment-variable-name';
import { isRecord } from './read-default-export';
import { readPluginExport } from './read-plugin-export';
import { resolveSecret } from './resolve-secret';
import { validateAccountSettings } from './validate-account-settings';

export interface LoadedAccount {
  /** The `provider:account` id. */
  id: string;
  packageName: string;
  plugin: RefundPlugin;
  provider: RefundProviderV1;
  /**
   * When to trust a "not found" after an unknown outcome, and how long a refund may stay pending: the
   * account's `reconciliation` from the config over the provider's own defaults (`provider.reconciliation`).
   * A key neither sets is absent, and the host's own default applies.
   */
  reconciliation: ReconciliationHints;
  /** Every secret value this account was given, for the caller's log and error redaction. */
  secretValues: string[];
}

export interface LoadAccountsOptions {
  /** Where `{ "env": ... }` secrets are read. Default: `process.env`. */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Reads `{ "file": ... }` secrets. Default: `fs.readFile` as UTF-8. */
  readFile?: (path: string) => Promise<string>;
  /** Imports a provider package by name. Default: dynamic `import()` from the host. */
  importModule?: (specifier: string) => Promise<unknown>;
  /** Transport hooks for each account's provider, e.g. to log its redacted requests. */
  hooks?: (accountId: string) => HttpHooks;
  /** Handed to every plugin's `create` as its second argument, e.g. the ledger's nonce source. */
  pluginContext?: PluginContext;
}

type PluginImport = { plugin: RefundPlugin } | { problem: string };

interface AccountOutcome {
  loaded?: LoadedAccount;
  problems: HostConfigProblem[];
  /** Secret values seen for this account, inline ones included, so that problems can be redacted. */
  secretValues: string[];
}

/**
 * Imports each account's provider package, checks its plugin, resolves secrets, validates settings with the
 * plugin's schema and creates the providers. Every problem of every account is collected and thrown as one
 * `HostConfigError`, so that the host never starts with only some accounts working.
 */
export async function loadAccounts(
  config: HostConfig,
  options: LoadAccountsOptions = {},
): Promise<Map<string, LoadedAccount>> {
  const validConfig = parseHostConfig(config);
  const importModule = options.importModule ?? importByName;
  const entries = Object.entries(validConfig.accounts);

  const packageNames = [...new Set(entries.map(([, account]) => account.package))];
  const plugins = new Map<string, PluginImport>(
    await Promise.all(
      packageNames.map(
        async (name): Promise<[string, PluginImport]> => [name, await importPlugin(name, importModule)],
      ),
    ),
  );

  const accountsPerProvider = new Map<string, number>();
  for (const [id] of entries) {
    const provider = providerOf(id);
    accountsPerProvider.set(provider, (accountsPerProvider.get(provider) ?? 0) + 1);
  }

  const context: AccountContext = {
    environment: options.environment ?? process.env,
    readFile: options.readFile ?? readUtf8,
    hooks: options.hooks,
    pluginContext: options.pluginContext,
    accountsPerProvider,
  };
  const outcomes = await Promise.all(
    entries.map(([id, account]) => loadAccount(id, account, plugins.get(account.package), context)),
  );

  const problems = outcomes.flatMap((outcome) => outcome.problems);
  if (problems.length > 0) {
    // Messages are built never to quote a value; this is the second line of defence, over every account's
    // secrets, since a plugin's own message or a misdirected variable could still carry one.
    const secretValues = outcomes.flatMap((outcome) => outcome.secretValues);
    const redactor = createRedactor(() => secretValues);
    throw new HostConfigError(
      problems.map((problem) => ({ ...problem, message: redactor.text(problem.message) })),
    );
  }
  return new Map(
    outcomes.flatMap((outcome) =>
      outcome.loaded === undefined ? [] : [[outcome.loaded.id, outcome.loaded]],
    ),
  );
}

interface AccountContext {
  environment: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => Promise<string>;
  hooks: ((accountId: string) => HttpHooks) | undefined;
  pluginContext: PluginContext | undefined;
  accountsPerProvider: ReadonlyMap<string, number>;
}

async function loadAccount(
  id: string,
  account: AccountConfig,
  pluginImport: PluginImport | undefined,
  context: AccountContext,
): Promise<AccountOutcome> {
  const problems: HostConfigProblem[] = [];
  const secretValues: string[] = [];
  const report = (message: string, field?: string): void => {
    problems.push(field === undefined ? { account: id, message } : { account: id, field, message });
  };
  const settings = account.settings ?? {};
  const secrets = account.secrets ?? {};

  if (pluginImport === undefined || 'problem' in pluginImport) {
    report(pluginImport?.problem ?? `package ${account.package} was not imported`, 'package');
    // Still read the secrets: a missing variable is reported now rather than after the package is fixed.
    await resolveSecrets(id, secrets, context, report, secretValues);
    return { problems, secretValues };
  }
  const plugin = pluginImport.plugin;
  const provider = providerOf(id);
  const secretSettings = new Set<string>(plugin.secretSettings);

  if (provider !== plugin.id) {
    report(
      `account id "${id}" names provider "${provider}", but ${account.package} is the "${plugin.id}" plugin; ` +
        `name the account "${plugin.id}:${id.slice(provider.length + 1)}"`,
    );
  }
  const sharedProvider = (context.accountsPerProvider.get(provider) ?? 0) > 1;
  for (const [key, value] of Object.entries(settings)) {
    if (secretSettings.has(key)) {
      if (typeof value === 'string') secretValues.push(value);
      const variable = suggestedVariable(id, key, sharedProvider);
      report(
        `secret \`${key}\` of account ${id} is written inline in the config file; ` +
          `move it to an environment variable: "secrets": { "${key}": { "env": "${variable}" } }`,
        `settings.${key}`,
      );
    } else if (Object.hasOwn(secrets, key)) {
      report(`\`${key}\` is given both in "settings" and in "secrets"; keep one`, `settings.${key}`);
    }
  }
  if (sharedProvider) {
    for (const key of secretSettings) {
      if (Object.hasOwn(secrets, key) || Object.hasOwn(settings, key)) continue;
      const fallback = environmentVariableName(provider, key);
      if (!context.environment[fallback]) continue;
      // The provider would read its default variable, shared by every account of this provider: a refund
      // for this account could be signed with another account's credentials.
      report(
        `secret \`${key}\` is not configured, so the ${provider} plugin would fall back to ${fallback}, ` +
          `shared by all ${provider} accounts; give this account its own: ` +
          `"secrets": { "${key}": { "env": "${suggestedVariable(id, key, true)}" } }`,
        `secrets.${key}`,
      );
    }
  }

  const resolved = await resolveSecrets(id, secrets, context, report, secretValues);
  // Validated even when something is already wrong, so the operator sees every problem in one pass; a field
  // already reported (a missing variable, say) is not reported again as "required".
  const locate = (key: string): 'settings' | 'secrets' =>
    Object.hasOwn(secrets, key) || (!Object.hasOwn(settings, key) && secretSettings.has(key))
      ? 'secrets'
      : 'settings';
  const validation = validateAccountSettings(plugin, { ...settings, ...resolved }, locate);
  const reportedFields = new Set(problems.map((problem) => problem.field));
  if ('problems' in validation) {
    for (const problem of validation.problems) {
      if (problem.field === undefined || !reportedFields.has(problem.field)) {
        report(problem.message, problem.field);
      }
    }
  }
  if (problems.length > 0 || 'problems' in validation) return { problems, secretValues };

  const hooks = context.hooks?.(id);
  let created: unknown;
  try {
    const withHooks = hooks === undefined ? validation.settings : { ...validation.settings, hooks };
    created =
      context.pluginContext === undefined
        ? plugin.create(withHooks)
        : plugin.create(withHooks, context.pluginContext);
  } catch (error) {
    report(
      `creating the ${plugin.id} provider failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { problems, secretValues };
  }
  if (!isProvider(created)) {
    report(`${account.package}'s create() did not return a refunds-v1 provider`);
    return { problems, secretValues };
  }
  return {
    loaded: {
      id,
      packageName: account.package,
      plugin,
      provider: created,
      reconciliation: mergeReconciliation(created.reconciliation, account.reconciliation),
      secretValues,
    },
    problems,
    secretValues,
  };
}

async function resolveSecrets(
  id: string,
  secrets: Record<string, NonNullable<AccountConfig['secrets']>[string]>,
  context: AccountContext,
  report: (message: string, field?: string) => void,
  secretValues: string[],
): Promise<Record<string, string>> {
  const resolved: Record<string, string> = {};
  const results = await Promise.all(
    Object.entries(secrets).map(async ([name, reference]) => {
      const result = await resolveSecret(reference, {
        accountId: id,
        settingName: name,
        environment: context.environment,
        readFile: context.readFile,
      });
      return [name, result] as const;
    }),
  );
  for (const [name, result] of results) {
    if ('problem' in result) {
      report(result.problem, `secrets.${name}`);
    } else {
      resolved[name] = result.value;
      secretValues.push(result.value);
    }
  }
  return resolved;
}

async function importPlugin(
  packageName: string,
  importModule: (specifier: string) => Promise<unknown>,
): Promise<PluginImport> {
  let namespace: unknown;
  try {
    namespace = await importModule(packageName);
  } catch (error) {
    return { problem: describeImportFailure(packageName, error) };
  }
  return readPluginExport(packageName, namespace);
}

/** With one account per provider, the provider's own default variable name is the natural suggestion. */
function suggestedVariable(id: string, key: string, sharedProvider: boolean): string {
  const provider = providerOf(id);
  return sharedProvider
    ? environmentVariableName(provider, id.slice(provider.length + 1), key)
    : environmentVariableName(provider, key);
}

/** The account's settings over the provider's; a key set to undefined on either side does not erase the other. */
function mergeReconciliation(
  defaults: ReconciliationHints | undefined,
  overrides: ReconciliationHints | undefined,
): ReconciliationHints {
  const merged: ReconciliationHints = {};
  for (const key of ['settleWindowMs', 'maximumPendingMs'] as const) {
    const value = overrides?.[key] ?? defaults?.[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function providerOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

function isProvider(value: unknown): value is RefundProviderV1 {
  return (
    isRecord(value) &&
    value.specificationVersion === 'refunds-v1' &&
    typeof value.refund === 'function' &&
    typeof value.getRefund === 'function'
  );
}

function readUtf8(path: string): Promise<string> {
  return readFileFromDisk(path, 'utf8');
}

function importByName(specifier: string): Promise<unknown> {
  return import(specifier);
}
