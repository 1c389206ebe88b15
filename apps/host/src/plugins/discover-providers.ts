import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RefundPlugin, RefundSandboxPlugin } from '@refunds/core';
import { describeImportFailure } from './describe-import-failure';
import { isRecord } from './read-default-export';
import { readPluginExport } from './read-plugin-export';
import { readSandboxExport } from './read-sandbox-export';

export interface DiscoveredProvider {
  packageName: string;
  plugin: RefundPlugin;
  /** The package's `./sandbox` default export; absent when it could not be imported (see the warnings). */
  sandbox?: RefundSandboxPlugin;
}

/**
 * What discovery found. A package that fails to import or is not a valid plugin is left out and explained in
 * `warnings`, one sentence each, for the caller to log: one broken provider must not keep the others from
 * starting in sandbox mode.
 */
export interface ProviderDiscovery {
  /** Sorted by package name. */
  providers: DiscoveredProvider[];
  warnings: string[];
}

export interface DiscoverProvidersOptions {
  /** Imports a package or its `./sandbox` entry by specifier. Default: dynamic `import()` from the host. */
  importModule?: (specifier: string) => Promise<unknown>;
  /** `node_modules` folders to search, nearest first. Default: every folder Node searches from the host. */
  searchPaths?: readonly string[];
}

const scope = '@refunds';

/**
 * Finds every installed `@refunds/*` provider without naming any: a package counts when its package.json
 * exports `./sandbox` and its default export is a `refunds-v1` plugin. So a fifth provider package is picked
 * up by installing it, with no edit in the host.
 */
export async function discoverProviders(options: DiscoverProvidersOptions = {}): Promise<ProviderDiscovery> {
  const importModule = options.importModule ?? importBySpecifier;
  const searchPaths =
    options.searchPaths ?? createRequire(import.meta.url).resolve.paths(`${scope}/any`) ?? [];
  const warnings: string[] = [];
  const packageNames = await listSandboxPackages(searchPaths, warnings);

  const found = await Promise.all(
    packageNames.map(async (packageName): Promise<DiscoveredProvider | undefined> => {
      // A package with no default export at all is a library (core exports `./sandbox` too), not a provider.
      const main = await importExport(packageName, importModule, (specifier, namespace) =>
        isRecord(namespace) && !('default' in namespace)
          ? { library: true as const }
          : readPluginExport(specifier, namespace),
      );
      if ('library' in main) return undefined;
      if ('problem' in main) {
        warnings.push(`skipped ${packageName}: ${main.problem}`);
        return undefined;
      }
      const sandboxSpecifier = `${packageName}/sandbox`;
      const sandbox = await importExport(sandboxSpecifier, importModule, readSandboxExport);
      if ('problem' in sandbox) {
        warnings.push(`${packageName} has no usable sandbox: ${sandbox.problem}`);
        return { packageName, plugin: main.plugin };
      }
      if (sandbox.sandbox.id !== main.plugin.id) {
        warnings.push(
          `${packageName} has no usable sandbox: ${sandboxSpecifier} is for "${sandbox.sandbox.id}" but the plugin is "${main.plugin.id}"`,
        );
        return { packageName, plugin: main.plugin };
      }
      return { packageName, plugin: main.plugin, sandbox: sandbox.sandbox };
    }),
  );
  const providers = found.filter((provider) => provider !== undefined);
  providers.sort((left, right) => (left.packageName < right.packageName ? -1 : 1));
  // Warnings come from parallel imports; sorted so the same install always logs the same way.
  warnings.sort();
  return { providers, warnings };
}

/** Names of scope packages whose package.json exports `./sandbox`, the nearest copy of each name winning. */
async function listSandboxPackages(searchPaths: readonly string[], warnings: string[]): Promise<string[]> {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (const searchPath of searchPaths) {
    const scopeFolder = join(searchPath, scope);
    let entries: string[];
    try {
      entries = await readdir(scopeFolder);
    } catch {
      continue; // Most search paths have no such folder.
    }
    for (const entry of entries.sort()) {
      const packageName = `${scope}/${entry}`;
      if (entry.startsWith('.') || seen.has(packageName)) continue;
      let manifestText: string;
      try {
        manifestText = await readFile(join(scopeFolder, entry, 'package.json'), 'utf8');
      } catch {
        continue; // Not a package (a stray file or an empty folder).
      }
      seen.add(packageName);
      let manifest: unknown;
      try {
        manifest = JSON.parse(manifestText);
      } catch {
        warnings.push(`skipped ${packageName}: its package.json is not valid JSON`);
        continue;
      }
      if (isRecord(manifest) && isRecord(manifest.exports) && manifest.exports['./sandbox'] !== undefined) {
        names.add(packageName);
      }
    }
  }
  return [...names];
}

async function importExport<Result extends object>(
  specifier: string,
  importModule: (specifier: string) => Promise<unknown>,
  read: (specifier: string, namespace: unknown) => Result | { problem: string },
): Promise<Result | { problem: string }> {
  try {
    return read(specifier, await importModule(specifier));
  } catch (error) {
    return { problem: describeImportFailure(specifier, error) };
  }
}

function importBySpecifier(specifier: string): Promise<unknown> {
  return import(specifier);
}
