import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFakePackages } from './__fixtures__/fake-node-modules';
import { fakePlugin, fakeSandboxPlugin } from './__fixtures__/fake-provider';
import { discoverProviders } from './discover-providers';

let folder: string;
let near: string;
let far: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'refunds-discovery-'));
  near = join(folder, 'app', 'node_modules');
  far = join(folder, 'node_modules');
  await writeFakePackages(near, {
    alpha: { sandbox: true },
    beta: { sandbox: true },
    broken: { sandbox: true },
    core: { sandbox: false },
    'old-spec': { sandbox: true },
    'no-sandbox-export': { sandbox: true },
    garbled: 'invalid-json',
  });
  await mkdir(join(near, '@refunds', 'not-a-package'));
  await writeFakePackages(far, { alpha: { sandbox: false }, gamma: { sandbox: true } });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sandboxState = { started: [], closed: 0 };
const fakeModules: Record<string, unknown> = {
  '@refunds/alpha': { default: fakePlugin('alpha') },
  '@refunds/alpha/sandbox': { default: fakeSandboxPlugin('alpha', sandboxState) },
  '@refunds/beta': { default: fakePlugin('beta') },
  '@refunds/beta/sandbox': { default: fakeSandboxPlugin('beta', sandboxState) },
  '@refunds/gamma': { default: fakePlugin('gamma') },
  '@refunds/gamma/sandbox': { default: fakeSandboxPlugin('other', sandboxState) },
  '@refunds/old-spec': { default: { ...fakePlugin('old'), specificationVersion: 'refunds-v0' } },
  '@refunds/no-sandbox-export': { default: fakePlugin('no-sandbox-export') },
  '@refunds/no-sandbox-export/sandbox': { createSandbox: () => undefined },
};

async function importFake(specifier: string): Promise<unknown> {
  if (specifier === '@refunds/broken') throw new SyntaxError("Unexpected token '<'");
  if (specifier === '@refunds/core') throw new Error('core has no sandbox export and must not be imported');
  if (!Object.hasOwn(fakeModules, specifier)) throw new Error(`Cannot find module '${specifier}'`);
  return fakeModules[specifier];
}

describe('discoverProviders', () => {
  it('finds every scope package exporting ./sandbox, nearest copy first, sorted, skipping failures', async () => {
    const discovery = await discoverProviders({ importModule: importFake, searchPaths: [near, far] });

    expect(discovery.providers.map((provider) => [provider.packageName, provider.plugin.id])).toEqual([
      ['@refunds/alpha', 'alpha'],
      ['@refunds/beta', 'beta'],
      ['@refunds/gamma', 'gamma'],
      ['@refunds/no-sandbox-export', 'no-sandbox-export'],
    ]);
    expect(discovery.providers.map((provider) => provider.sandbox?.id)).toEqual([
      'alpha',
      'beta',
      undefined,
      undefined,
    ]);
    expect(discovery.warnings).toEqual([
      '@refunds/gamma has no usable sandbox: @refunds/gamma/sandbox is for "other" but the plugin is "gamma"',
      '@refunds/no-sandbox-export has no usable sandbox: @refunds/no-sandbox-export/sandbox has no default export (it exports createSandbox), so it is not a refunds plugin',
      "skipped @refunds/broken: importing @refunds/broken failed: Unexpected token '<'",
      'skipped @refunds/garbled: its package.json is not valid JSON',
      'skipped @refunds/old-spec: @refunds/old-spec implements specificationVersion "refunds-v0", but this host supports "refunds-v1"; install a version of it built for refunds-v1',
    ]);
  });

  it('finds nothing, without failing, where no scope folder exists', async () => {
    await expect(
      discoverProviders({ importModule: importFake, searchPaths: [join(folder, 'nowhere')] }),
    ).resolves.toEqual({
      providers: [],
      warnings: [],
    });
  });

  it('discovers the providers installed beside the host, whatever state they are in', async () => {
    // The packages linked into the host, read from its manifest rather than listed here, so a fifth provider
    // is covered without editing this test.
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const require = createRequire(import.meta.url);
    const candidates: string[] = [];
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (!name.startsWith('@refunds/')) continue;
      const packageManifest = JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as {
        exports?: Record<string, unknown>;
      };
      if (packageManifest.exports?.['./sandbox'] !== undefined) candidates.push(name);
    }
    const importingCleanly: string[] = [];
    const libraries: string[] = [];
    for (const name of candidates) {
      try {
        const namespace = (await import(/* @vite-ignore */ name)) as {
          default?: { specificationVersion?: unknown };
        };
        if (!('default' in namespace)) libraries.push(name);
        if (namespace.default?.specificationVersion === 'refunds-v1') importingCleanly.push(name);
      } catch {
        // Still being written: discovery must skip it with a warning, checked below.
      }
    }

    const discovery = await discoverProviders();
    const discovered = discovery.providers.map((provider) => provider.packageName);
    expect(discovered).toEqual(expect.arrayContaining(importingCleanly));
    // Core exports `./sandbox` too, but as a library with no default export it is neither a provider nor a problem.
    expect(libraries).toContain('@refunds/core');
    for (const name of libraries) {
      expect(discovered).not.toContain(name);
      expect(discovery.warnings.join('\n')).not.toContain(name);
    }
    for (const name of candidates.filter((candidate) => !libraries.includes(candidate))) {
      if (!discovered.includes(name)) {
        expect(discovery.warnings.some((warning) => warning.startsWith(`skipped ${name}:`))).toBe(true);
      }
    }
  }, 60_000);
});
