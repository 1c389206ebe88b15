#!/usr/bin/env node
// Rehearses a release without touching this checkout or any real registry. In a throwaway copy of the
// workspace (working tree as it is, uncommitted work included) it:
//   1. runs `changeset version` on the pending changesets and shows every version, range and CHANGELOG it changed;
//   2. runs the real `pnpm release` (build, lint, typecheck, packed-package checks, size budgets, install test,
//      `changeset publish`) with the @refunds scope pointed at a loopback registry, and lists what it received;
//   3. shows which packages one further changeset would bump: a provider patch, a core patch, a core minor.
// Internal ranges stay `workspace:^` in the repository; pnpm writes the real `^x.y.z` into each tarball.
// Usage: node scripts/release-dry-run.mjs [--quick] [--keep]
//   --quick  publish after `pnpm build` only, skipping the checks `pnpm release` runs first
//   --keep   leave the copy on disk and print where it is
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listWorkspacePackages, repositoryRoot } from './lib/list-workspace-packages.mjs';
import { parseArguments } from './lib/parse-arguments.mjs';
import { pnpmCommand } from './lib/pnpm-command.mjs';
import { printTable } from './lib/print-table.mjs';
import { runCommand } from './lib/run-command.mjs';
import { startLoopbackRegistry } from './lib/start-loopback-registry.mjs';

const { switches } = parseArguments();
const gitIdentity = ['-c', 'user.name=Release rehearsal', '-c', 'user.email=release@example.invalid'];

async function copyWorkspace(destination) {
  // What git would commit from here: tracked and new files, ignored ones (dist, node_modules) left out.
  const { stdout } = await runCommand(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repositoryRoot,
    },
  );
  for (const file of stdout.split('\0').filter(Boolean)) {
    const source = join(repositoryRoot, file);
    if (!existsSync(source)) continue;
    mkdirSync(dirname(join(destination, file)), { recursive: true });
    copyFileSync(source, join(destination, file));
  }
  // Installed dependencies are hard-linked, not copied: nothing below writes into them, and pnpm links them
  // with relative symlinks, so the copy resolves its own packages.
  for (const directory of ['.', ...listWorkspacePackages().map((item) => item.directory)]) {
    const modules = join(repositoryRoot, directory.replace(repositoryRoot, ''), 'node_modules');
    if (!existsSync(modules)) continue;
    const target = join(destination, directory.replace(repositoryRoot, ''), 'node_modules');
    mkdirSync(dirname(target), { recursive: true });
    await runCommand('cp', ['-al', modules, target]);
  }
  await runCommand('git', ['init', '-q', '-b', 'main'], { cwd: destination });
  await runCommand('git', ['add', '-A'], { cwd: destination });
  await runCommand('git', [...gitIdentity, 'commit', '-q', '-m', 'Snapshot of the working tree'], {
    cwd: destination,
  });
}

function readVersions(root) {
  const versions = {};
  for (const folder of ['packages', 'apps']) {
    for (const workspacePackage of listWorkspacePackages().filter((item) =>
      item.directory.startsWith(join(repositoryRoot, folder)),
    )) {
      const manifestPath = join(root, folder, workspacePackage.folder, 'package.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      const internal = Object.entries({ ...manifest.dependencies })
        .filter(([name]) => name.startsWith('@refunds/'))
        .map(([name, range]) => `${name.replace('@refunds/', '')} ${range}`);
      versions[manifest.name] = { version: manifest.version, internal: internal.join(', ') };
    }
  }
  return versions;
}

function printBumps(title, before, after) {
  console.log(`\n${title}`);
  printTable(
    ['package', 'before', 'after', 'internal dependencies after'],
    Object.keys(after).map((name) => [
      name,
      before[name]?.version ?? '-',
      after[name].version === before[name]?.version ? 'unchanged' : after[name].version,
      after[name].internal,
    ]),
  );
}

async function pnpm(args, cwd, options = {}) {
  const [command, commandArguments] = pnpmCommand(args);
  return runCommand(command, commandArguments, { cwd, ...options });
}

async function versionWith(copy, title, changeset) {
  if (changeset) writeFileSync(join(copy, '.changeset', 'rehearsal.md'), changeset);
  const before = readVersions(copy);
  await pnpm(['changeset', 'version'], copy);
  printBumps(title, before, readVersions(copy));
}

const copy = mkdtempSync(join(tmpdir(), 'refunds-release-dry-run-'));
const registry = await startLoopbackRegistry();
try {
  console.log(`--- copying the workspace to ${copy}`);
  await copyWorkspace(copy);

  console.log('--- pending changesets');
  const { stdout: pending } = await runCommand('git', ['ls-files', '.changeset/*.md'], { cwd: copy });
  console.log(pending.trim() || '(none)');
  await versionWith(copy, '--- 1. `pnpm changeset version` on the pending changesets');
  const { stdout: changed } = await runCommand('git', ['status', '--short'], { cwd: copy });
  console.log(`\nFiles it changed:\n${changed.trimEnd()}`);
  for (const workspacePackage of listWorkspacePackages()) {
    const changelog = join(copy, workspacePackage.directory.replace(repositoryRoot, ''), 'CHANGELOG.md');
    if (existsSync(changelog)) {
      const text = readFileSync(changelog, 'utf8').trim().split('\n').slice(0, 8).join('\n');
      console.log(`\n${workspacePackage.name} CHANGELOG.md (first lines):\n${text}`);
    }
  }
  await runCommand('git', ['add', '-A'], { cwd: copy });
  await runCommand('git', [...gitIdentity, 'commit', '-q', '-m', 'Version packages'], { cwd: copy });

  // Only the @refunds scope goes to the loopback registry: npm info, pnpm publish and changesets all honour the
  // scoped setting, while the install test still fetches ky and valibot from the ordinary registry.
  const host = registry.url.replace(/^http:/, '');
  writeFileSync(
    join(copy, '.npmrc'),
    `@refunds:registry=${registry.url}\n${host}:_authToken=rehearsal-token-not-a-secret\n`,
  );
  const environment = { 'npm_config_@refunds:registry': registry.url };
  if (switches.has('quick')) {
    console.log(`\n--- 2. \`pnpm build && pnpm changeset publish\` (--quick), publishing to ${registry.url}`);
    await pnpm(['build'], copy, { echo: true });
    await pnpm(['changeset', 'publish'], copy, { env: environment, echo: true });
  } else {
    console.log(`\n--- 2. \`pnpm release\`, publishing to ${registry.url}`);
    await pnpm(['release'], copy, { env: environment, echo: true, timeoutMs: 30 * 60_000 });
  }

  console.log('\nWhat the loopback registry received:');
  printTable(
    ['package', 'version', 'dist-tag', 'tarball', 'internal dependencies'],
    registry.published.map((item) => [
      item.name,
      item.version,
      Object.keys(item.distTags).join(', '),
      `${item.tarballBytes} B`,
      Object.entries(item.dependencies)
        .filter(([name]) => name.startsWith('@refunds/'))
        .map(([name, range]) => `${name} ${range}`)
        .join(', '),
    ]),
  );
  const { stdout: tags } = await runCommand('git', ['tag', '--list'], { cwd: copy });
  console.log(`\nGit tags changeset publish created: ${tags.trim().split('\n').join(', ') || '(none)'}`);

  const scenarios = [
    [
      '--- 3a. a patch for @refunds/iotpay: only iotpay moves (the host has it as a dev dependency only)',
      '"@refunds/iotpay": patch',
    ],
    [
      "--- 3b. a patch for @refunds/core: only core moves, the providers' published ^ range already takes it",
      '"@refunds/core": patch',
    ],
    [
      '--- 3c. a minor for @refunds/core: out of the 0.x ^ range, so every dependent gets a patch and a new range',
      '"@refunds/core": minor',
    ],
  ];
  for (const [title, release] of scenarios) {
    await versionWith(copy, title, `---\n${release}\n---\n\nRehearsal.\n`);
    await runCommand('git', ['checkout', '-q', '--', '.'], { cwd: copy });
    await runCommand('git', ['clean', '-q', '-fd', '--', '.changeset'], { cwd: copy });
  }
} finally {
  await registry.close();
  if (switches.has('keep')) console.log(`\nThe copy is kept at ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
