import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDirectory } from './workspace-paths';

export interface LoadedPackage {
  name: string;
  modules: number;
  bytes: number;
}

/** The package a loaded module belongs to: its name under node_modules, the workspace folder, or `node:`. */
function packageOf(url: string): string {
  if (url.startsWith('node:')) return 'node: built-ins';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(path);
  if (dependency) return dependency[1]!;
  const workspace = /\/(?:packages|apps)\/([^/]+)\//.exec(path);
  return workspace ? `@refunds/${workspace[1]}` : path;
}

/** Every module `import(specifier)` loads, by package, with the bytes of their files (built-ins count 0). */
export function listLoadedModules(specifier: string): LoadedPackage[] {
  const directory = mkdtempSync(join(tmpdir(), 'refunds-bench-modules-'));
  const list = join(directory, 'modules.txt');
  try {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        join(benchDirectory, 'record-loaded-modules.mjs'),
        '--input-type=module',
        '-e',
        `await import('${specifier}');`,
      ],
      { cwd: benchDirectory, stdio: 'ignore', env: { ...process.env, REFUNDS_BENCH_MODULE_LIST: list } },
    );
    if (result.status !== 0) throw new Error(`listing the modules of ${specifier} failed (${result.status})`);
    const urls = new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean));
    const packages = new Map<string, LoadedPackage>();
    for (const url of urls) {
      if (url.startsWith('data:')) continue;
      const name = packageOf(url);
      const entry = packages.get(name) ?? { name, modules: 0, bytes: 0 };
      entry.modules += 1;
      entry.bytes += url.startsWith('file:') ? statSync(fileURLToPath(url)).size : 0;
      packages.set(name, entry);
    }
    return [...packages.values()].sort((left, right) => right.bytes - left.bytes);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
