import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repositoryRoot = join(import.meta.dirname, '..', '..');

/**
 * Every package of the workspace, found on disk rather than listed by hand, so that a fifth provider is picked up
 * by the release tooling the moment it exists. `kind` is what the tooling needs to know: `core`, a `provider`
 * (any other directory under packages/) or an `app`.
 */
export function listWorkspacePackages() {
  const found = [];
  for (const [folder, kindOf] of [
    ['packages', (name) => (name === 'core' ? 'core' : 'provider')],
    ['apps', () => 'app'],
  ]) {
    const parent = join(repositoryRoot, folder);
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      const directory = join(parent, entry.name);
      const manifestPath = join(directory, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      found.push({ name: manifest.name, folder: entry.name, directory, manifest, kind: kindOf(entry.name) });
    }
  }
  return found;
}

/** The files a package's exports point at in dist/, which must exist before it can be packed or installed. */
export function missingBuildOutputs(workspacePackage) {
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./dist/')) targets.add(value);
    } else if (value && typeof value === 'object') {
      for (const nested of Object.values(value)) collect(nested);
    }
  };
  collect(workspacePackage.manifest.exports);
  collect(workspacePackage.manifest.imports);
  return [...targets].filter((target) => !existsSync(join(workspacePackage.directory, target)));
}
