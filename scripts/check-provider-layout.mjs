#!/usr/bin/env node
// Fails when a provider package does not follow docs/provider-layout.md: a required file is missing, an operation
// folder lacks its operation or options module, or a role lives under a name the layout retired.
// Usage: node scripts/check-provider-layout.mjs [--root=<workspace root>] [packages/<name> ...]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { listWorkspacePackages, repositoryRoot } from './lib/list-workspace-packages.mjs';
import { parseArguments } from './lib/parse-arguments.mjs';

/** Every provider holds these, `<name>` being its folder under packages/. */
const requiredFiles = [
  'package.json',
  'README.md',
  'tsconfig.json',
  'tsup.config.ts',
  'vitest.config.ts',
  'src/index.ts',
  'src/create-<name>.ts',
  'src/create-<name>.test.ts',
  'src/create-<name>.conformance.test.ts',
  'src/create-<name>-client.ts',
  'src/<name>-plugin.ts',
  'src/<name>-plugin.test.ts',
  'src/<name>-error-table.ts',
  'src/<name>-error-table.test.ts',
  'src/<name>-settings.ts',
  'src/read-<name>-settings.ts',
  'src/create-<name>-sender.ts',
  'src/sandbox/index.ts',
  'src/sandbox/create-<name>-sandbox.ts',
  'src/sandbox/create-<name>-sandbox.test.ts',
  'src/sandbox/<name>-sandbox-plugin.ts',
  'src/sandbox/<name>-sandbox-options.ts',
];

/** Folders that must exist and hold at least one module. */
const requiredFolders = ['src/refund-adapter'];

/** Folders with a role of their own, never operation folders. */
const roleFolders = new Set(['__fixtures__', 'refund-adapter', 'refund-notification', 'sandbox']);

/** File names the layout retired, with the name that replaced them. */
const retiredFiles = {
  'src/<name>-settings-schema.ts': 'src/<name>-settings.ts (one defineProviderSettings declaration)',
  'src/<name>-credentials.ts': 'src/read-<name>-settings.ts',
  'src/load-<name>-settings.ts': 'src/read-<name>-settings.ts',
  'src/send-<name>-request.ts': 'src/create-<name>-sender.ts',
  'src/create-<name>-connection.ts': 'src/create-<name>-sender.ts',
};

/** Folder names the layout retired, with the name that replaced them. */
const retiredFolders = {
  'src/refund': 'src/refund-adapter',
  'src/adapter': 'src/refund-adapter',
  'src/notification': 'src/refund-notification',
  'src/notifications': 'src/refund-notification',
};

function modulesIn(directory) {
  return readdirSync(directory).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
}

/** The problems of one provider package, as sentences naming the path to fix. */
export function checkProviderLayout(directory) {
  const name = basename(directory);
  const problems = [];
  const at = (path) => join(directory, path.replaceAll('<name>', name));
  for (const file of requiredFiles) {
    if (!existsSync(at(file))) problems.push(`${file.replaceAll('<name>', name)} is missing`);
  }
  for (const folder of requiredFolders) {
    if (!existsSync(at(folder)) || modulesIn(at(folder)).length === 0) {
      problems.push(`${folder}/ is missing or holds no module`);
    }
  }
  for (const [retired, replacement] of Object.entries(retiredFolders)) {
    if (existsSync(at(retired))) problems.push(`${retired}/ must be called ${replacement}/`);
  }
  for (const [retired, replacement] of Object.entries(retiredFiles)) {
    const path = retired.replaceAll('<name>', name);
    if (existsSync(at(retired)))
      problems.push(`${path} is retired: use ${replacement.replaceAll('<name>', name)}`);
  }
  // An operation folder is any folder whose `<folder>-api.ts` holds the schemas of what the provider answers.
  const source = at('src');
  if (existsSync(source)) {
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      if (!entry.isDirectory() || roleFolders.has(entry.name)) continue;
      const folder = join(source, entry.name);
      if (!existsSync(join(folder, `${entry.name}-api.ts`))) continue;
      for (const role of ['', '-options']) {
        const file = `${entry.name}${role}.ts`;
        if (!existsSync(join(folder, file))) {
          problems.push(
            `src/${entry.name}/${file} is missing: an operation folder holds the operation, its -api and its -options`,
          );
        }
      }
    }
  }
  return problems;
}

const { names, values } = parseArguments();
const root = values.root ?? repositoryRoot;
const directories =
  names.length > 0
    ? names.map((path) => join(root, path))
    : values.root === undefined
      ? listWorkspacePackages()
          .filter((workspacePackage) => workspacePackage.kind === 'provider')
          .map((workspacePackage) => workspacePackage.directory)
      : readdirSync(join(root, 'packages'))
          .filter((folder) => folder !== 'core')
          .map((folder) => join(root, 'packages', folder))
          .filter((directory) => statSync(directory).isDirectory());

let failed = false;
for (const directory of directories) {
  const problems = checkProviderLayout(directory);
  const shown = relative(process.cwd(), directory) || directory;
  if (problems.length === 0) {
    console.log(`ok   ${shown}`);
    continue;
  }
  failed = true;
  console.log(`FAIL ${shown} (see docs/provider-layout.md)`);
  for (const problem of problems) console.log(`     ${problem}`);
}
if (directories.length === 0) {
  console.log('No provider packages found.');
}
process.exitCode = failed ? 1 : 0;
