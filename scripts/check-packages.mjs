#!/usr/bin/env node
// Packs every package as it would be published and checks the tarball, not the workspace folder: what users
// install is what publint, attw and the manifest checks below see. Usage:
//   node scripts/check-packages.mjs [folder ...] [--skip-unbuilt]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBytes } from './lib/format-bytes.mjs';
import {
  listWorkspacePackages,
  missingBuildOutputs,
  repositoryRoot,
} from './lib/list-workspace-packages.mjs';
import { packPackage } from './lib/pack-package.mjs';
import { parseArguments, selectPackages } from './lib/parse-arguments.mjs';
import { printTable } from './lib/print-table.mjs';
import { runCommand } from './lib/run-command.mjs';

const binary = (name) => join(repositoryRoot, 'node_modules', '.bin', name);

/** Every path a packed manifest points at (all export and import conditions, bin, main, types). */
function manifestTargets(manifest) {
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./')) targets.add(value);
    } else if (value && typeof value === 'object') {
      for (const nested of Object.values(value)) collect(nested);
    }
  };
  collect(manifest.exports);
  collect(manifest.imports);
  collect(manifest.bin);
  for (const field of [manifest.main, manifest.types]) if (field) collect(`./${field.replace(/^\.\//, '')}`);
  return [...targets];
}

/**
 * What publint and attw do not look at: the `@refunds/source` condition and `#crypto` must point at files the
 * tarball really holds, and no `workspace:` range may leak (pnpm replaces them; another packer would not).
 */
function checkPackedManifest(extracted) {
  const manifest = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8'));
  const problems = [];
  for (const target of manifestTargets(manifest)) {
    try {
      statSync(join(extracted, target));
    } catch {
      problems.push(`points at ${target}, which is not in the tarball`);
    }
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) problems.push(`${field}.${name} is still ${range}`);
      else if (name.startsWith('@refunds/') && !/^\^\d+\.\d+\.\d+$/.test(range)) {
        problems.push(`${field}.${name} should be a caret range on a released version, got ${range}`);
      }
    }
  }
  return { manifest, problems };
}

function directorySize(directory) {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const { names, switches } = parseArguments();
const packages = selectPackages(listWorkspacePackages(), names).filter(
  (workspacePackage) => workspacePackage.manifest.private !== true,
);
const workDirectory = mkdtempSync(join(tmpdir(), 'refunds-check-packages-'));
const rows = [];
let failed = false;

try {
  for (const workspacePackage of packages) {
    const missing = missingBuildOutputs(workspacePackage);
    if (missing.length > 0) {
      const message = `${workspacePackage.name} is not built (missing ${missing.join(', ')}): run pnpm build`;
      if (switches.has('skip-unbuilt')) {
        console.log(`--- skip ${message}`);
        rows.push([workspacePackage.name, '-', '-', '-', 'skipped: not built', '']);
        continue;
      }
      throw new Error(message);
    }
    console.log(`--- ${workspacePackage.name}`);
    const packed = await packPackage(workspacePackage, workDirectory);
    const extracted = join(workDirectory, workspacePackage.folder);
    mkdirSync(extracted, { recursive: true });
    await runCommand('tar', ['-xzf', packed.tarball, '-C', extracted, '--strip-components=1']);

    const { manifest, problems } = checkPackedManifest(extracted);
    for (const problem of problems) console.log(`manifest: ${problem}`);
    const publint = await runCommand(binary('publint'), ['run', '--strict', packed.tarball], {
      allowFailure: true,
    });
    console.log(publint.stdout.trim());
    // ESM-only packages: attw's esm-only profile skips node10 and CommonJS `require`, which these packages do
    // not offer by design (Node >= 20 can still `import()` them from CommonJS). Types are not fetched from
    // DefinitelyTyped: every package ships its own, and the check must not depend on the registry.
    const attw = await runCommand(
      binary('attw'),
      [packed.tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'table', '--no-color'],
      { allowFailure: true },
    );
    console.log(attw.stdout.trim());
    if (attw.stderr.trim()) console.log(attw.stderr.trim());

    const passed = problems.length === 0 && publint.status === 0 && attw.status === 0;
    failed ||= !passed;
    rows.push([
      `${manifest.name}@${manifest.version}`,
      String(packed.files.length),
      formatBytes(packed.packedBytes),
      formatBytes(directorySize(extracted)),
      [
        problems.length === 0 ? 'manifest ok' : 'manifest FAILED',
        publint.status === 0 ? 'publint ok' : 'publint FAILED',
        attw.status === 0 ? 'attw ok' : 'attw FAILED',
      ].join(', '),
      Object.entries(manifest.dependencies ?? {})
        .filter(([name]) => name.startsWith('@refunds/'))
        .map(([name, range]) => `${name} ${range}`)
        .join(', '),
    ]);
  }
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}

console.log('');
printTable(['package', 'files', 'packed', 'unpacked', 'checks', 'internal dependencies'], rows);
if (failed) {
  console.error('\nA packed package failed its checks: see its section above.');
  process.exit(1);
}
