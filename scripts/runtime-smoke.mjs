#!/usr/bin/env node
// One sandboxed refund per provider, from the built and packed packages, under Node, Bun and Deno. Bun and Deno
// come from the npm registry (their packages ship the binaries); a runtime that cannot be installed or started
// here is skipped with the reason printed. Usage: node scripts/runtime-smoke.mjs [provider ...] [--skip-unbuilt]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmptyProject, npmInstall } from './lib/install-tarballs.mjs';
import { listWorkspacePackages, missingBuildOutputs } from './lib/list-workspace-packages.mjs';
import { packPackage } from './lib/pack-package.mjs';
import { parseArguments, selectPackages } from './lib/parse-arguments.mjs';
import { printTable } from './lib/print-table.mjs';
import { runCommand } from './lib/run-command.mjs';

// Deno runs with only what the sandbox and the provider need: loopback sockets, the installed files, and the
// environment (settings fall back to environment variables).
const denoPermissions = ['--allow-net=127.0.0.1', '--allow-read', '--allow-env'];

/** Installs bun and deno from the registry; each runtime is either a command or the reason it is missing. */
async function installRuntimes(directory) {
  createEmptyProject(directory, 'runtimes');
  const runtimes = { node: { command: process.execPath, args: [], version: process.version } };
  for (const name of ['bun', 'deno']) {
    try {
      await npmInstall(directory, [name]);
      const command = join(directory, 'node_modules', '.bin', name);
      const { stdout } = await runCommand(command, ['--version'], { timeoutMs: 60_000 });
      runtimes[name] = {
        command,
        args: name === 'deno' ? ['run', ...denoPermissions] : ['run'],
        // `deno --version` also names V8 and TypeScript; the first line's version number is enough.
        version: stdout
          .trim()
          .split('\n')[0]
          .replace(/^deno /, '')
          .replace(/ \(.*$/, ''),
      };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error))
        .split('\n')
        .slice(0, 3)
        .join(' ');
      runtimes[name] = { skipped: `cannot be installed from npm here: ${reason}` };
    }
  }
  return runtimes;
}

const { names, switches } = parseArguments();
const workspacePackages = listWorkspacePackages();
const core = workspacePackages.find((candidate) => candidate.kind === 'core');
const selected = selectPackages(
  workspacePackages.filter((candidate) => candidate.kind === 'provider'),
  names,
);
const providers = selected.filter((provider) => {
  const missing = missingBuildOutputs(provider);
  if (missing.length === 0) return true;
  if (!switches.has('skip-unbuilt')) {
    throw new Error(`${provider.name} is not built (missing ${missing.join(', ')}): run pnpm build`);
  }
  console.log(`--- skip ${provider.name}: not built`);
  return false;
});
if (missingBuildOutputs(core).length > 0) throw new Error(`${core.name} is not built: run pnpm build`);

const workDirectory = mkdtempSync(join(tmpdir(), 'refunds-runtime-smoke-'));
const rows = [];
let failed = false;
try {
  console.log('--- installing bun and deno from the npm registry');
  const runtimes = await installRuntimes(join(workDirectory, 'runtimes'));
  for (const [name, runtime] of Object.entries(runtimes)) {
    console.log(runtime.skipped ? `${name}: SKIPPED, ${runtime.skipped}` : `${name}: ${runtime.version}`);
  }

  console.log('--- packing and installing core and the providers');
  const project = createEmptyProject(join(workDirectory, 'project'), 'runtime-smoke');
  const tarballs = [];
  for (const workspacePackage of [core, ...providers]) {
    tarballs.push((await packPackage(workspacePackage, workDirectory)).tarball);
  }
  await npmInstall(project, tarballs);
  const template = readFileSync(join(import.meta.dirname, 'templates', 'install-test', 'refund.mjs'), 'utf8');

  for (const provider of providers) {
    const file = `refund-${provider.folder}.mjs`;
    writeFileSync(join(project, file), template.replaceAll('__PROVIDER_PACKAGE__', provider.name));
    const cells = [provider.name];
    for (const [name, runtime] of Object.entries(runtimes)) {
      if (runtime.skipped) {
        cells.push('skipped');
        continue;
      }
      const result = await runCommand(runtime.command, [...runtime.args, file], {
        cwd: project,
        allowFailure: true,
        timeoutMs: 120_000,
      });
      if (result.status === 0) {
        cells.push('passed');
      } else {
        failed = true;
        cells.push('FAILED');
        console.error(`--- ${provider.name} under ${name} failed:\n${result.stdout}\n${result.stderr}`);
      }
    }
    rows.push(cells);
  }
  console.log('');
  printTable(
    ['provider', ...Object.entries(runtimes).map(([name, runtime]) => `${name} ${runtime.version ?? ''}`)],
    rows,
  );
  for (const [name, runtime] of Object.entries(runtimes)) {
    if (runtime.skipped) console.log(`${name} skipped: ${runtime.skipped}`);
  }
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}
if (failed) process.exit(1);
